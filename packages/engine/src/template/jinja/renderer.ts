import { loopPosition } from '../loop-position.js';
import type { CallArgs, Expr, Pos, Stmt, Target } from './ast.js';
import { JinjaCallable } from './callable.js';
import type { CallContext, Environment } from './environment.js';
import type { JinjaSyntax } from './syntax.js';
import { getAttr, getItem, sliceOf } from './member.js';
import { isLazyMapping } from './lazy-mapping.js';
import { TemplateRuntimeError } from './runtime-error.js';
import { TemplateSyntaxError } from './template-syntax-error.js';
import { ensureDefined, Undefined, UndefinedError, undefinedVariable } from './undefined.js';
import { plain } from '../python/compare.js';
import { pyAdd, pyCompareOp, pyConcat, pyDiv, pyFloorDiv, pyMod, pyMul, pyNeg, pyPos, pyPow, pySub } from '../python/operators.js';
import { isPlainMapping, pythonStr } from '../python/repr.js';
import { pyTruthy } from '../python/truthy.js';
import { pythonTypeName } from '../python/type-name.js';
import { isUnsafe } from '../unsafe.js';
import { tuple } from '../python/tuple.js';
import { Namespace } from '../python/namespace.js';
import { PyObject } from '../python/object.js';
import { unsupportedFilterReason } from '../filters/unsupported.js';
import { setItem } from '../python/dict.js';

/** Resolves a top-level template variable; returns undefined when it does not exist. */
export type VariableResolver = (name: string) => unknown;

/** Finds `{% include %}`d templates; `from` is the including template's path. */
export type TemplateLoader = (name: string, from: string | undefined) => { source: string; path: string } | undefined;

export interface RendererOptions {
  /** The template file being rendered: errors point at it, includes resolve next to it. */
  templatePath?: string | undefined;
  loader?: TemplateLoader;
  /** Syntax for included templates (the including template's). */
  syntax?: JinjaSyntax;
  includeDepth?: number;
}

class LoopSignal {
  constructor(readonly kind: 'break' | 'continue') {}
}

/** A template error tagged with the template position (tag start) it happened at. */
export class TemplateLineError extends Error {
  constructor(readonly original: Error, readonly line: number, readonly column: number, readonly templatePath: string | undefined) {
    super(original.message);
    this.name = original.name;
  }
}

class Scope {
  private readonly vars = new Map<string, unknown>();
  constructor(readonly parent: Scope | undefined) {}
  lookup(name: string): { found: boolean; value: unknown } {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      if (s.vars.has(name)) return { found: true, value: s.vars.get(name) };
    }
    return { found: false, value: undefined };
  }
  set(name: string, value: unknown): void {
    this.vars.set(name, value);
  }
  entries(): Map<string, unknown> {
    return new Map(this.vars);
  }
}

/** An imported template (`{% import 'x.j2' as m %}`): its macros and variables as attributes. */
class TemplateModule extends PyObject {
  readonly pythonType = 'TemplateModule';
  constructor(private readonly exports: Map<string, unknown>) {
    super();
  }
  attribute(name: string): unknown {
    return this.exports.get(name);
  }
  pythonRepr(): string {
    return '<TemplateModule>';
  }
}

/** Items a `for` loop (or a filter) iterates: list items, string chars, mapping keys. */
export function iterate(value: unknown): unknown[] {
  const v = plain(ensureDefined(value));
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return [...v];
  if (v instanceof Map || v instanceof Set) return [...v.keys()];
  if (isLazyMapping(v)) return v.keys();
  if (isPlainMapping(v)) return Object.keys(v);
  throw new TemplateRuntimeError(`'${pythonTypeName(value)}' object is not iterable`);
}

/** Evaluates a parsed template against variables, with Python semantics. */
export class Renderer implements CallContext {
  private readonly root = new Scope(undefined);
  private readonly templatePath: string | undefined;

  constructor(
    private readonly env: Environment,
    private readonly resolve: VariableResolver,
    private readonly options: RendererOptions = {},
  ) {
    this.templatePath = options.templatePath;
  }

  render(body: Stmt[]): string {
    const out: string[] = [];
    this.renderBlock(body, this.root, out);
    return out.join('');
  }

  /** Evaluates one standalone expression (a template that is a single `{{ ... }}`). */
  evaluate(expr: Expr): unknown {
    return this.withPosition(expr, () => this.eval(expr, this.root));
  }

  /** The text `{{ value }}` prints, with errors tagged with the template line. */
  finalizeAt(pos: Pos, value: unknown): string {
    return this.withPosition(pos, () => finalize(value));
  }

  private withPosition<T>(pos: Pos, fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      if (err instanceof LoopSignal || err instanceof TemplateLineError) throw err;
      if (err instanceof Error) throw new TemplateLineError(err, pos.line, pos.column, this.templatePath);
      throw err;
    }
  }

  // ---- statements ----
  private renderBlock(body: Stmt[], scope: Scope, out: string[]): void {
    for (const stmt of body) this.withPosition(stmt, () => this.renderStmt(stmt, scope, out));
  }

  private renderStmt(stmt: Stmt, scope: Scope, out: string[]): void {
    switch (stmt.kind) {
      case 'text':
        out.push(stmt.text);
        return;
      case 'output':
        out.push(finalize(this.eval(stmt.expr, scope)));
        return;
      case 'if': {
        for (const branch of stmt.branches) {
          if (pyTruthy(this.eval(branch.test, scope))) {
            this.renderBlock(branch.body, scope, out);
            return;
          }
        }
        this.renderBlock(stmt.orelse, scope, out);
        return;
      }
      case 'for':
        this.renderFor(stmt, scope, out);
        return;
      case 'set':
        this.assign(stmt.target, this.eval(stmt.expr, scope), scope);
        return;
      case 'setblock':
        scope.set(stmt.name, this.captureFiltered(stmt.body, stmt.filters, scope));
        return;
      case 'with': {
        const inner = new Scope(scope);
        for (const a of stmt.assignments) inner.set(a.name, this.eval(a.expr, scope));
        this.renderBlock(stmt.body, inner, out);
        return;
      }
      case 'macro':
        scope.set(stmt.name, this.makeMacro(stmt, scope));
        return;
      case 'include':
        this.renderInclude(stmt.template, stmt.ignoreMissing, scope, out);
        return;
      case 'import':
        scope.set(stmt.alias, new TemplateModule(this.runTemplate(stmt.template, scope).exports));
        return;
      case 'fromimport': {
        const { exports } = this.runTemplate(stmt.template, scope);
        for (const { name, alias } of stmt.names) {
          scope.set(alias, exports.has(name) ? exports.get(name) : new Undefined(`the template does not export the requested name '${name}'`, name));
        }
        return;
      }
      case 'filterblock':
        out.push(finalize(this.captureFiltered(stmt.body, stmt.filters, scope)));
        return;
      case 'break':
      case 'continue':
        throw new LoopSignal(stmt.kind);
    }
  }

  /** The output of a block, passed through a filter chain (`{% set x | f %}`, `{% filter f %}`). */
  private captureFiltered(body: Stmt[], filters: Array<{ name: string; call: CallArgs }>, scope: Scope): unknown {
    const captured: string[] = [];
    this.renderBlock(body, new Scope(scope), captured);
    let value: unknown = captured.join('');
    for (const f of filters) value = this.applyFilter(f.name, value, f.call, scope);
    return value;
  }

  private assign(target: Target, value: unknown, scope: Scope): void {
    if (target.kind === 'name') {
      scope.set(target.name, value);
      return;
    }
    if (target.kind === 'attribute') {
      const ns = this.lookupName(target.name, scope);
      if (!(ns instanceof Namespace)) throw new TemplateRuntimeError('cannot assign attribute on non-namespace object');
      ns.set(target.attr, value);
      return;
    }
    const items = iterate(value);
    if (items.length !== target.names.length) {
      throw new TemplateRuntimeError(`${items.length > target.names.length ? 'too many' : 'not enough'} values to unpack (expected ${target.names.length}, got ${items.length})`);
    }
    target.names.forEach((name, i) => scope.set(name, items[i]));
  }

  private renderFor(stmt: Extract<Stmt, { kind: 'for' }>, scope: Scope, out: string[]): void {
    let items = iterate(this.eval(stmt.iter, scope));
    if (stmt.filter) {
      const filterExpr = stmt.filter;
      items = items.filter((item) => {
        const s = new Scope(scope);
        this.assign(stmt.target, item, s);
        return pyTruthy(this.eval(filterExpr, s));
      });
    }
    if (items.length === 0) {
      this.renderBlock(stmt.orelse, scope, out);
      return;
    }
    const length = items.length;
    const outer = scope.lookup('loop');
    for (let i = 0; i < length; i++) {
      const inner = new Scope(scope);
      this.assign(stmt.target, items[i], inner);
      inner.set('loop', makeLoopObject(items, i, outer.found ? outer.value : undefined));
      try {
        this.renderBlock(stmt.body, inner, out);
      } catch (err) {
        if (err instanceof LoopSignal) {
          if (err.kind === 'break') break;
          continue;
        }
        throw err;
      }
    }
  }

  private makeMacro(stmt: Extract<Stmt, { kind: 'macro' }>, defScope: Scope): JinjaCallable {
    return new JinjaCallable(stmt.name, (args, kwargs) => {
      const scope = new Scope(defScope);
      stmt.params.forEach((param, i) => {
        let value: unknown;
        if (i < args.length) value = args[i];
        else if (param.name in kwargs) value = kwargs[param.name];
        else if (param.default) value = this.eval(param.default, scope);
        else value = new Undefined(`parameter '${param.name}' was not provided`, param.name);
        scope.set(param.name, value);
      });
      scope.set('varargs', args.slice(stmt.params.length));
      scope.set('kwargs', Object.fromEntries(Object.entries(kwargs).filter(([k]) => !stmt.params.some((p) => p.name === k))));
      const out: string[] = [];
      this.renderBlock(stmt.body, scope, out);
      return out.join('');
    });
  }

  private renderInclude(templateExpr: Expr, ignoreMissing: boolean, scope: Scope, out: string[]): void {
    const result = this.runTemplate(templateExpr, scope, ignoreMissing);
    out.push(result.output);
  }

  /**
   * Renders another template (include/import) with this one's variables;
   * returns its output and the macros and variables it defined at top level.
   */
  private runTemplate(templateExpr: Expr, scope: Scope, ignoreMissing = false): { output: string; exports: Map<string, unknown> } {
    const name = pythonStr(ensureDefined(this.eval(templateExpr, scope)));
    const loaded = this.options.loader?.(name, this.templatePath);
    if (!loaded) {
      if (ignoreMissing) return { output: '', exports: new Map() };
      throw new TemplateRuntimeError(`TemplateNotFound: ${name}`);
    }
    const depth = (this.options.includeDepth ?? 0) + 1;
    if (depth > 50) throw new TemplateRuntimeError(`recursive include of ${name}`);
    // The other template sees this one's variables, locals included.
    const resolve = (n: string): unknown => {
      const local = scope.lookup(n);
      return local.found ? local.value : this.resolve(n);
    };
    const child = new Renderer(this.env, resolve, { ...this.options, templatePath: loaded.path, includeDepth: depth });
    try {
      const output = child.render(this.env.compile(loaded.source, this.options.syntax));
      return { output, exports: child.root.entries() };
    } catch (err) {
      if (err instanceof TemplateSyntaxError) throw new TemplateLineError(err, err.line, err.column, loaded.path);
      throw err;
    }
  }

  // ---- expressions ----
  private lookupName(name: string, scope: Scope): unknown {
    const local = scope.lookup(name);
    if (local.found) return local.value;
    const resolved = this.resolve(name);
    if (resolved !== undefined) return resolved;
    if (this.env.globals.has(name)) return this.env.globals.get(name);
    return undefinedVariable(name);
  }

  private eval(expr: Expr, scope: Scope): unknown {
    switch (expr.kind) {
      case 'const':
        return expr.value;
      case 'name':
        return this.lookupName(expr.name, scope);
      case 'list':
        return expr.items.map((item) => this.eval(item, scope));
      case 'tuple':
        return tuple(expr.items.map((item) => this.eval(item, scope)));
      case 'dict': {
        const out: Record<string, unknown> = {};
        for (const [k, v] of expr.pairs) setItem(out, pythonStr(plain(ensureDefined(this.eval(k, scope)))), this.eval(v, scope));
        return out;
      }
      case 'getattr':
        return getAttr(this.eval(expr.target, scope), expr.attr);
      case 'getitem':
        return getItem(this.eval(expr.target, scope), this.eval(expr.key, scope));
      case 'slice':
        return sliceOf(
          this.eval(expr.target, scope),
          expr.start && this.eval(expr.start, scope),
          expr.stop && this.eval(expr.stop, scope),
          expr.step && this.eval(expr.step, scope),
        );
      case 'call':
        return this.callValue(this.eval(expr.callee, scope), expr.call, scope);
      case 'filter':
        return this.applyFilter(expr.name, this.eval(expr.target, scope), expr.call, scope);
      case 'test': {
        const result = this.applyTest(expr.name, this.eval(expr.target, scope), expr.call, scope);
        return expr.negated ? !result : result;
      }
      case 'unary': {
        const v = this.eval(expr.operand, scope);
        if (expr.op === 'not') return !pyTruthy(v);
        return expr.op === '-' ? pyNeg(v) : pyPos(v);
      }
      case 'and': {
        const left = this.eval(expr.left, scope);
        return pyTruthy(left) ? this.eval(expr.right, scope) : left;
      }
      case 'or': {
        const left = this.eval(expr.left, scope);
        return pyTruthy(left) ? left : this.eval(expr.right, scope);
      }
      case 'binary':
        return binary(expr.op, this.eval(expr.left, scope), this.eval(expr.right, scope));
      case 'compare': {
        let left = this.eval(expr.first, scope);
        for (const { op, expr: rightExpr } of expr.ops) {
          const right = this.eval(rightExpr, scope);
          if (!pyCompareOp(op, left, right)) return false;
          left = right;
        }
        return true;
      }
      case 'condexpr':
        if (pyTruthy(this.eval(expr.test, scope))) return this.eval(expr.body, scope);
        return expr.orelse ? this.eval(expr.orelse, scope) : new Undefined('the inline if-expression evaluated to false and no else section was defined.', undefined, true);
    }
  }

  private evalArgs(call: CallArgs, scope: Scope): [unknown[], Record<string, unknown>] {
    const args = call.args.map((a) => this.eval(a, scope));
    const kwargs: Record<string, unknown> = {};
    for (const kw of call.kwargs) kwargs[kw.name] = this.eval(kw.value, scope);
    return [args, kwargs];
  }

  private callValue(callee: unknown, call: CallArgs, scope: Scope): unknown {
    if (callee instanceof Undefined) throw new UndefinedError(callee.message, callee.name);
    if (!(callee instanceof JinjaCallable)) throw new TemplateRuntimeError(`'${pythonTypeName(callee)}' object is not callable`);
    const [args, kwargs] = this.evalArgs(call, scope);
    return callee.fn(args, kwargs);
  }

  private applyFilter(name: string, value: unknown, call: CallArgs, scope: Scope): unknown {
    const [args, kwargs] = this.evalArgs(call, scope);
    return this.filter(name, value, args, kwargs);
  }

  private applyTest(name: string, value: unknown, call: CallArgs, scope: Scope): boolean {
    const [args, kwargs] = this.evalArgs(call, scope);
    return this.test(name, value, args, kwargs);
  }

  filter(name: string, value: unknown, args: unknown[], kwargs: Record<string, unknown>): unknown {
    const def = this.env.getFilter(name);
    const unsupported = def ? undefined : unsupportedFilterReason(name);
    if (unsupported !== undefined) throw new TemplateRuntimeError(unsupported);
    return this.callPlugin(def, name, value, args, kwargs);
  }

  test(name: string, value: unknown, args: unknown[], kwargs: Record<string, unknown>): boolean {
    return this.callPlugin(this.env.getTest(name), name, value, args, kwargs);
  }

  /** Filters and tests get defined input (unless they handle undefined) with unsafe text unwrapped. */
  private callPlugin<R>(def: { fn: (v: unknown, a: unknown[], k: Record<string, unknown>, c: CallContext) => R; acceptsUndefined?: boolean } | undefined, name: string, value: unknown, args: unknown[], kwargs: Record<string, unknown>): R {
    if (!def) throw new TemplateSyntaxError(`Could not load "${name}": '${name}'`, 0, 0);
    const input = def.acceptsUndefined ? value : ensureDefined(value);
    return def.fn(isUnsafe(input) ? input.text : input, args, kwargs, this);
  }
}

const BINARY_OPERATORS: Readonly<Record<string, (a: unknown, b: unknown) => unknown>> = {
  '+': pyAdd,
  '-': pySub,
  '*': pyMul,
  '/': pyDiv,
  '//': pyFloorDiv,
  '%': pyMod,
  '**': pyPow,
  '~': pyConcat,
};

function binary(op: string, a: unknown, b: unknown): unknown {
  const fn = BINARY_OPERATORS[op];
  if (!fn) throw new TemplateRuntimeError(`unknown operator ${op}`);
  return fn(a, b);
}

/** What `{{ x }}` prints: Ansible's finalize turns None into '', undefined raises. */
export function finalize(value: unknown): string {
  if (value instanceof Undefined && value.silent) return '';
  const v = ensureDefined(value);
  if (v === null) return '';
  return pythonStr(v);
}

function makeLoopObject(items: unknown[], i: number, parent: unknown): Record<string, unknown> {
  const length = items.length;
  const loop: Record<string, unknown> = {
    ...loopPosition(length, i),
    depth: 1,
    depth0: 0,
    previtem: i > 0 ? items[i - 1] : new Undefined("there is no previous item", 'previtem'),
    nextitem: i < length - 1 ? items[i + 1] : new Undefined('there is no next item', 'nextitem'),
    cycle: new JinjaCallable('cycle', (args) => {
      if (args.length === 0) throw new TemplateRuntimeError('no items for cycling given');
      return args[i % args.length];
    }),
  };
  if (parent !== undefined) loop['parent'] = parent;
  return loop;
}
