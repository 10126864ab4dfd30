import type { CallArgs, Expr, Pos, Stmt, Target } from './ast.js';
import type { Token, TokenType } from './lexer.js';
import { TemplateSyntaxError } from './template-syntax-error.js';
import { makeFloat } from '../python/float.js';

const COMPARE_OPS = new Set(['==', '!=', '<', '>', '<=', '>=']);
const UNSUPPORTED_TAGS = new Set(['extends', 'block', 'call', 'do', 'autoescape', 'trans']);
type FilterCall = { name: string; call: CallArgs; line: number; column: number };

/** Recursive-descent parser following Jinja2's grammar and operator precedence. */
export class Parser {
  private i = 0;

  constructor(private readonly tokens: Token[]) {}

  parseTemplate(): Stmt[] {
    const [body, end] = this.subparse([]);
    if (end !== null) this.fail(`Encountered unknown tag '${end.value}'.`, end);
    return body;
  }

  // ---- token helpers ----
  private get cur(): Token {
    return this.tokens[this.i] ?? (this.tokens[this.tokens.length - 1] as Token);
  }
  private peek(n = 1): Token {
    return this.tokens[this.i + n] ?? (this.tokens[this.tokens.length - 1] as Token);
  }
  private next(): Token {
    const t = this.cur;
    if (this.i < this.tokens.length - 1) this.i++;
    return t;
  }
  private is(type: TokenType, value?: string): boolean {
    return this.cur.type === type && (value === undefined || this.cur.value === value);
  }
  private isOp(value: string): boolean {
    return this.is('operator', value);
  }
  private isName(value: string): boolean {
    return this.is('name', value);
  }
  private skipIf(type: TokenType, value: string): boolean {
    if (this.is(type, value)) {
      this.next();
      return true;
    }
    return false;
  }
  /** Jinja's describe_token, quoted as its messages show it. */
  private describe(t: Token): string {
    if (t.type === 'eof') return "'end of template'";
    if (t.type === 'block_end') return "'end of statement block'";
    if (t.type === 'variable_end') return "'end of print statement'";
    if (t.type === 'block_begin') return "'begin of statement block'";
    if (t.type === 'variable_begin') return "'begin of print statement'";
    return `'${t.value || t.type}'`;
  }
  private fail(message: string, at: Pos = this.cur): never {
    throw new TemplateSyntaxError(message, at.line, at.column);
  }
  private expect(type: TokenType, value?: string): Token {
    if (!this.is(type, value)) {
      const wanted = value !== undefined ? `'${value}'` : this.describe({ type, value: '', line: 0, column: 0 });
      this.fail(`expected token ${wanted}, got ${this.describe(this.cur)}`);
    }
    return this.next();
  }
  private pos(t: Token): Pos {
    return { line: t.line, column: t.column };
  }

  // ---- statements ----
  /** Parses until a block tag named in `endTags`; returns it (positioned on the tag name) or null at EOF. */
  private subparse(endTags: string[]): [Stmt[], Token | null] {
    const body: Stmt[] = [];
    for (;;) {
      const t = this.cur;
      if (t.type === 'eof') return [body, null];
      if (t.type === 'text') {
        this.next();
        body.push({ kind: 'text', text: t.value, ...this.pos(t) });
      } else if (t.type === 'variable_begin') {
        this.next();
        const expr = this.parseTuple(true);
        this.expect('variable_end');
        body.push({ kind: 'output', expr, ...this.pos(t) });
      } else if (t.type === 'block_begin') {
        this.next();
        const name = this.cur;
        if (name.type !== 'name') this.fail('tag name expected', name);
        if (endTags.includes(name.value)) return [body, name];
        body.push(this.parseStatement());
      } else {
        this.fail(`unexpected ${this.describe(t)}`, t);
      }
    }
  }

  private parseBody(endTags: string[], opener: Token): [Stmt[], string] {
    const [body, end] = this.subparse(endTags);
    if (end === null) {
      this.fail(`Unexpected end of template. Jinja was looking for the following tags: ${endTags.map((e) => `'${e}'`).join(' or ')}. The innermost block that needs to be closed is '${opener.value}'.`, opener);
    }
    this.next();
    return [body, end.value];
  }

  private parseStatement(): Stmt {
    const tag = this.next();
    const p = this.pos(tag);
    switch (tag.value) {
      case 'if':
        return this.parseIf(tag);
      case 'for':
        return this.parseFor(tag);
      case 'set':
        return this.parseSet(tag);
      case 'with':
        return this.parseWith(tag);
      case 'macro':
        return this.parseMacro(tag);
      case 'include':
        return this.parseInclude(tag);
      case 'import': {
        const template = this.parseExpression();
        this.expect('name', 'as');
        const alias = this.expect('name').value;
        this.skipContextModifier();
        this.expect('block_end');
        return { kind: 'import', template, alias, ...p };
      }
      case 'from':
        return this.parseFromImport(tag);
      case 'filter': {
        const filters = this.parseFilterChain(false);
        this.expect('block_end');
        const [body] = this.parseBody(['endfilter'], tag);
        this.expect('block_end');
        return { kind: 'filterblock', filters, body, ...p };
      }
      case 'break':
      case 'continue':
        this.expect('block_end');
        return { kind: tag.value, ...p };
      default:
        if (UNSUPPORTED_TAGS.has(tag.value)) this.fail(`the '${tag.value}' tag is not supported by tsible templates`, tag);
        this.fail(`Encountered unknown tag '${tag.value}'.`, tag);
    }
  }

  private parseIf(tag: Token): Stmt {
    const branches: Array<{ test: Expr; body: Stmt[] }> = [];
    let orelse: Stmt[] = [];
    let test = this.parseTuple(false);
    this.expect('block_end');
    for (;;) {
      const [body, end] = this.parseBody(['elif', 'else', 'endif'], tag);
      branches.push({ test, body });
      if (end === 'elif') {
        test = this.parseTuple(false);
        this.expect('block_end');
        continue;
      }
      if (end === 'else') {
        this.expect('block_end');
        [orelse] = this.parseBody(['endif'], tag);
      }
      this.expect('block_end');
      break;
    }
    return { kind: 'if', branches, orelse, ...this.pos(tag) };
  }

  private parseAssignTarget(): Target {
    if (this.is('name') && this.peek().type === 'operator' && this.peek().value === '.' && this.peek(2).type === 'name') {
      const name = this.next().value;
      this.next();
      return { kind: 'attribute', name, attr: this.next().value };
    }
    const names: string[] = [];
    let tuple = false;
    const paren = this.skipIf('operator', '(');
    for (;;) {
      names.push(this.expect('name').value);
      if (!this.isOp(',')) break;
      this.next();
      tuple = true;
      if (!this.is('name')) break;
    }
    if (paren) this.expect('operator', ')');
    return tuple || paren ? { kind: 'tuple', names } : { kind: 'name', name: names[0] as string };
  }

  private parseFor(tag: Token): Stmt {
    const target = this.parseAssignTarget();
    this.expect('name', 'in');
    const iter = this.parseTuple(false, ['recursive']);
    let filter: Expr | null = null;
    if (this.skipIf('name', 'if')) filter = this.parseExpression();
    if (this.isName('recursive')) this.fail('recursive for loops are not supported by tsible templates');
    this.expect('block_end');
    const [body, end] = this.parseBody(['endfor', 'else'], tag);
    let orelse: Stmt[] = [];
    if (end === 'else') {
      this.expect('block_end');
      [orelse] = this.parseBody(['endfor'], tag);
    }
    this.expect('block_end');
    return { kind: 'for', target, iter, filter, body, orelse, ...this.pos(tag) };
  }

  private parseSet(tag: Token): Stmt {
    const target = this.parseAssignTarget();
    if (this.skipIf('operator', '=')) {
      const expr = this.parseTuple(true);
      this.expect('block_end');
      return { kind: 'set', target, expr, ...this.pos(tag) };
    }
    if (target.kind !== 'name') this.fail('block set takes a single name', tag);
    const filters = this.isOp('|') ? this.parseFilterChain(true) : [];
    this.expect('block_end');
    const [body] = this.parseBody(['endset'], tag);
    this.expect('block_end');
    return { kind: 'setblock', name: target.name, filters, body, ...this.pos(tag) };
  }

  private parseWith(tag: Token): Stmt {
    const assignments: Array<{ name: string; expr: Expr }> = [];
    while (!this.is('block_end')) {
      if (assignments.length > 0) this.expect('operator', ',');
      const name = this.expect('name').value;
      this.expect('operator', '=');
      assignments.push({ name, expr: this.parseExpression() });
    }
    this.expect('block_end');
    const [body] = this.parseBody(['endwith'], tag);
    this.expect('block_end');
    return { kind: 'with', assignments, body, ...this.pos(tag) };
  }

  private parseMacro(tag: Token): Stmt {
    const name = this.expect('name').value;
    this.expect('operator', '(');
    const params: Array<{ name: string; default: Expr | null }> = [];
    while (!this.isOp(')')) {
      if (params.length > 0) this.expect('operator', ',');
      if (this.isOp(')')) break;
      const param = this.expect('name').value;
      params.push({ name: param, default: this.skipIf('operator', '=') ? this.parseExpression() : null });
    }
    this.expect('operator', ')');
    this.expect('block_end');
    const [body] = this.parseBody(['endmacro'], tag);
    this.expect('block_end');
    return { kind: 'macro', name, params, body, ...this.pos(tag) };
  }

  private parseInclude(tag: Token): Stmt {
    const template = this.parseExpression();
    let ignoreMissing = false;
    if (this.isName('ignore') && this.peek().value === 'missing') {
      this.next();
      this.next();
      ignoreMissing = true;
    }
    this.skipContextModifier();
    this.expect('block_end');
    return { kind: 'include', template, ignoreMissing, ...this.pos(tag) };
  }

  /** `{% from 'macros.j2' import a, b as c %}` */
  private parseFromImport(tag: Token): Stmt {
    const template = this.parseExpression();
    this.expect('name', 'import');
    const names: Array<{ name: string; alias: string }> = [];
    do {
      const name = this.expect('name').value;
      const alias = this.skipIf('name', 'as') ? this.expect('name').value : name;
      names.push({ name, alias });
    } while (this.skipIf('operator', ','));
    this.skipContextModifier();
    this.expect('block_end');
    return { kind: 'fromimport', template, names, ...this.pos(tag) };
  }

  /** `with context` / `without context` after include/import: accepted, variables are always shared. */
  private skipContextModifier(): void {
    if ((this.isName('with') || this.isName('without')) && this.peek().value === 'context') {
      this.next();
      this.next();
    }
  }

  private parseFilterChain(leadingPipe: boolean): FilterCall[] {
    const filters: FilterCall[] = [];
    let first = true;
    while (first ? !leadingPipe || this.isOp('|') : this.isOp('|')) {
      if (!first || leadingPipe) this.expect('operator', '|');
      first = false;
      const t = this.cur;
      const name = this.parseDottedName();
      const call = this.isOp('(') ? this.parseCallArgs() : { args: [], kwargs: [] };
      filters.push({ name, call, line: t.line, column: t.column });
    }
    return filters;
  }

  // ---- expressions ----
  /** Comma-separated expressions become a tuple, as in `{{ a, b }}` or `for x in a, b`. */
  private parseTuple(withCondexpr: boolean, extraEnd: string[] = []): Expr {
    const start = this.cur;
    const items: Expr[] = [];
    let sawComma = false;
    for (;;) {
      if (items.length > 0) {
        if (!this.isOp(',')) break;
        this.next();
        sawComma = true;
      }
      if (this.is('block_end') || this.is('variable_end') || this.isOp(')') || (this.is('name') && extraEnd.includes(this.cur.value))) break;
      if (this.isName('if') && !withCondexpr) break;
      items.push(withCondexpr ? this.parseExpression() : this.parseOr());
    }
    if (!sawComma) {
      if (items.length === 0) this.fail(`Expected an expression, got ${this.describe(this.cur)}`);
      return items[0] as Expr;
    }
    return { kind: 'tuple', items, ...this.pos(start) };
  }

  parseExpression(): Expr {
    const start = this.cur;
    const body = this.parseOr();
    if (this.skipIf('name', 'if')) {
      const test = this.parseOr();
      const orelse = this.skipIf('name', 'else') ? this.parseExpression() : null;
      return { kind: 'condexpr', test, body, orelse, ...this.pos(start) };
    }
    return body;
  }

  private parseOr(): Expr {
    return this.logical('or', () => this.parseAnd());
  }

  private parseAnd(): Expr {
    return this.logical('and', () => this.parseNot());
  }

  private logical(kind: 'and' | 'or', operand: () => Expr): Expr {
    let left = operand();
    while (this.isName(kind)) {
      const t = this.next();
      left = { kind, left, right: operand(), ...this.pos(t) };
    }
    return left;
  }

  private parseNot(): Expr {
    if (this.isName('not')) {
      const t = this.next();
      return { kind: 'unary', op: 'not', operand: this.parseNot(), ...this.pos(t) };
    }
    return this.parseCompare();
  }

  private parseCompare(): Expr {
    const start = this.cur;
    const first = this.parseMath1();
    const ops: Array<{ op: string; expr: Expr }> = [];
    for (;;) {
      if (this.is('operator') && COMPARE_OPS.has(this.cur.value)) {
        const op = this.next().value;
        ops.push({ op, expr: this.parseMath1() });
      } else if (this.isName('in')) {
        this.next();
        ops.push({ op: 'in', expr: this.parseMath1() });
      } else if (this.isName('not') && this.peek().type === 'name' && this.peek().value === 'in') {
        this.next();
        this.next();
        ops.push({ op: 'not in', expr: this.parseMath1() });
      } else break;
    }
    return ops.length === 0 ? first : { kind: 'compare', first, ops, ...this.pos(start) };
  }

  private binaryLevel(ops: string[], operand: () => Expr): Expr {
    let left = operand();
    while (this.is('operator') && ops.includes(this.cur.value)) {
      const t = this.next();
      left = { kind: 'binary', op: t.value, left, right: operand(), ...this.pos(t) };
    }
    return left;
  }

  private parseMath1(): Expr {
    return this.binaryLevel(['+', '-'], () => this.parseConcat());
  }
  private parseConcat(): Expr {
    return this.binaryLevel(['~'], () => this.parseMath2());
  }
  private parseMath2(): Expr {
    return this.binaryLevel(['*', '/', '//', '%'], () => this.parsePow());
  }
  private parsePow(): Expr {
    return this.binaryLevel(['**'], () => this.parseUnary(true));
  }

  private parseUnary(withFilter: boolean): Expr {
    const t = this.cur;
    let node: Expr;
    if (this.isOp('-') || this.isOp('+')) {
      this.next();
      node = { kind: 'unary', op: t.value as '-' | '+', operand: this.parseUnary(false), ...this.pos(t) };
    } else {
      node = this.parsePostfix(this.parsePrimary());
    }
    return withFilter ? this.parseFilterExpr(node) : node;
  }

  private parsePrimary(): Expr {
    const t = this.cur;
    const p = this.pos(t);
    switch (t.type) {
      case 'name': {
        this.next();
        if (t.value === 'true' || t.value === 'True') return { kind: 'const', value: true, ...p };
        if (t.value === 'false' || t.value === 'False') return { kind: 'const', value: false, ...p };
        if (t.value === 'none' || t.value === 'None') return { kind: 'const', value: null, ...p };
        return { kind: 'name', name: t.value, ...p };
      }
      case 'string': {
        let value = this.next().value;
        while (this.is('string')) value += this.next().value;
        return { kind: 'const', value, ...p };
      }
      case 'integer':
        this.next();
        return { kind: 'const', value: Number(t.value), ...p };
      case 'float':
        this.next();
        return { kind: 'const', value: makeFloat(Number(t.value)), ...p };
      case 'operator':
        if (t.value === '(') {
          this.next();
          if (this.isOp(')')) {
            this.next();
            return { kind: 'tuple', items: [], ...p };
          }
          const inner = this.parseTuple(true);
          this.expect('operator', ')');
          return inner;
        }
        if (t.value === '[') return this.parseList();
        if (t.value === '{') return this.parseDict();
        break;
      default:
        break;
    }
    this.fail(`unexpected ${this.describe(t)}`, t);
  }

  private parseList(): Expr {
    const t = this.expect('operator', '[');
    const items: Expr[] = [];
    while (!this.isOp(']')) {
      if (items.length > 0) this.expect('operator', ',');
      if (this.isOp(']')) break;
      items.push(this.parseExpression());
    }
    this.expect('operator', ']');
    return { kind: 'list', items, ...this.pos(t) };
  }

  private parseDict(): Expr {
    const t = this.expect('operator', '{');
    const pairs: Array<[Expr, Expr]> = [];
    while (!this.isOp('}')) {
      if (pairs.length > 0) this.expect('operator', ',');
      if (this.isOp('}')) break;
      const key = this.parseExpression();
      this.expect('operator', ':');
      pairs.push([key, this.parseExpression()]);
    }
    this.expect('operator', '}');
    return { kind: 'dict', pairs, ...this.pos(t) };
  }

  private parsePostfix(node: Expr): Expr {
    for (;;) {
      if (this.isOp('.') || this.isOp('[')) node = this.parseSubscript(node);
      else if (this.isOp('(')) node = { kind: 'call', callee: node, call: this.parseCallArgs(), line: node.line, column: node.column };
      else return node;
    }
  }

  private parseFilterExpr(node: Expr): Expr {
    for (;;) {
      if (this.isOp('|')) {
        this.next();
        const t = this.cur;
        const name = this.parseDottedName();
        const call = this.isOp('(') ? this.parseCallArgs() : { args: [], kwargs: [] };
        node = { kind: 'filter', target: node, name, call, ...this.pos(t) };
      } else if (this.isName('is')) {
        node = this.parseTest(node);
      } else if (this.isOp('(')) {
        node = { kind: 'call', callee: node, call: this.parseCallArgs(), line: node.line, column: node.column };
      } else return node;
    }
  }

  private parseTest(node: Expr): Expr {
    const t = this.next();
    const negated = this.skipIf('name', 'not');
    const name = this.parseDottedName();
    let call: CallArgs = { args: [], kwargs: [] };
    if (this.isOp('(')) {
      call = this.parseCallArgs();
    } else if (
      (['name', 'string', 'integer', 'float'].includes(this.cur.type) || this.isOp('[') || this.isOp('{') || this.isOp('(')) &&
      !['else', 'or', 'and'].includes(this.cur.type === 'name' ? this.cur.value : '')
    ) {
      if (this.isName('is')) this.fail('You cannot chain multiple tests with is');
      call = { args: [this.parsePostfix(this.parsePrimary())], kwargs: [] };
    }
    return { kind: 'test', target: node, name, call, negated, ...this.pos(t) };
  }

  private parseDottedName(): string {
    let name = this.expect('name').value;
    while (this.isOp('.') && this.peek().type === 'name') {
      this.next();
      name += '.' + this.next().value;
    }
    return name;
  }

  private parseSubscript(node: Expr): Expr {
    const t = this.next();
    const p = { line: node.line, column: node.column };
    if (t.value === '.') {
      const attr = this.next();
      if (attr.type === 'name') return { kind: 'getattr', target: node, attr: attr.value, ...p };
      if (attr.type === 'integer') return { kind: 'getitem', target: node, key: { kind: 'const', value: Number(attr.value), ...this.pos(attr) }, ...p };
      this.fail('expected name or number', attr);
    }
    const parts: Array<Expr | { slice: [Expr | null, Expr | null, Expr | null] }> = [];
    while (!this.isOp(']')) {
      if (parts.length > 0) this.expect('operator', ',');
      parts.push(this.parseSubscribed());
    }
    this.expect('operator', ']');
    if (parts.length === 1) {
      const only = parts[0] as Expr | { slice: [Expr | null, Expr | null, Expr | null] };
      if ('slice' in only) return { kind: 'slice', target: node, start: only.slice[0], stop: only.slice[1], step: only.slice[2], ...p };
      return { kind: 'getitem', target: node, key: only, ...p };
    }
    const items = parts.map((part) => {
      if ('slice' in part) this.fail('slices inside tuples are not supported', t);
      return part;
    });
    return { kind: 'getitem', target: node, key: { kind: 'tuple', items, ...this.pos(t) }, ...p };
  }

  private parseSubscribed(): Expr | { slice: [Expr | null, Expr | null, Expr | null] } {
    let start: Expr | null = null;
    if (!this.isOp(':')) {
      start = this.parseExpression();
      if (!this.isOp(':')) return start;
    }
    this.next();
    const stop = this.isOp(']') || this.isOp(',') || this.isOp(':') ? null : this.parseExpression();
    let step: Expr | null = null;
    if (this.skipIf('operator', ':')) step = this.isOp(']') || this.isOp(',') ? null : this.parseExpression();
    return { slice: [start, stop, step] };
  }

  private parseCallArgs(): CallArgs {
    this.expect('operator', '(');
    const args: Expr[] = [];
    const kwargs: Array<{ name: string; value: Expr }> = [];
    while (!this.isOp(')')) {
      if (args.length + kwargs.length > 0) this.expect('operator', ',');
      if (this.isOp(')')) break;
      if (this.isOp('*') || this.isOp('**')) this.fail('*args and **kwargs in calls are not supported by tsible templates');
      if (this.is('name') && this.peek().type === 'operator' && this.peek().value === '=') {
        const name = this.next().value;
        this.next();
        kwargs.push({ name, value: this.parseExpression() });
      } else {
        if (kwargs.length > 0) this.fail('invalid syntax for function call expression: positional argument after keyword argument');
        args.push(this.parseExpression());
      }
    }
    this.expect('operator', ')');
    return { args, kwargs };
  }
}
