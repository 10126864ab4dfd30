import type { JinjaSyntax } from './syntax.js';
import { TemplateSyntaxError } from './template-syntax-error.js';

export type TokenType =
  | 'text'
  | 'variable_begin'
  | 'variable_end'
  | 'block_begin'
  | 'block_end'
  | 'name'
  | 'string'
  | 'integer'
  | 'float'
  | 'operator'
  | 'eof';

export interface Token {
  type: TokenType;
  value: string;
  line: number;
  column: number;
}

const OPERATORS = ['**', '//', '==', '!=', '>=', '<=', '+', '-', '*', '/', '%', '~', '(', ')', '[', ']', '{', '}', ',', '.', ':', '|', '<', '>', '=', ';'];
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const FLOAT = /\d(?:_?\d)*(?:\.\d(?:_?\d)*(?:[eE][+-]?\d(?:_?\d)*)?|[eE][+-]?\d(?:_?\d)*)/y;
const INTEGER = /\d(?:_?\d)*/y;
const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v' };

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Splits a template into text and tag tokens, applying Jinja's whitespace rules. */
export class Lexer {
  private readonly tokens: Token[] = [];
  private readonly lineStarts: number[] = [0];
  private pos = 0;

  constructor(private readonly src: string, private readonly syntax: JinjaSyntax) {
    for (let i = 0; i < src.length; i++) if (src[i] === '\n') this.lineStarts.push(i + 1);
  }

  tokenize(): Token[] {
    const { src, syntax } = this;
    const starts: Array<[string, 'variable' | 'block' | 'comment']> = [
      [syntax.variableStart, 'variable'],
      [syntax.blockStart, 'block'],
      [syntax.commentStart, 'comment'],
    ];
    while (this.pos < src.length) {
      let best = -1;
      let kind: 'variable' | 'block' | 'comment' = 'variable';
      let delim = '';
      for (const [d, k] of starts) {
        const i = src.indexOf(d, this.pos);
        if (i !== -1 && (best === -1 || i < best || (i === best && d.length > delim.length))) {
          best = i;
          kind = k;
          delim = d;
        }
      }
      if (best === -1) {
        this.pushText(src.slice(this.pos), this.pos);
        break;
      }
      let text = src.slice(this.pos, best);
      const textStart = this.pos;
      const modifier = src[best + delim.length];
      if (modifier === '-') {
        text = text.replace(/\s+$/, '');
      } else if (syntax.lstripBlocks && kind !== 'variable' && modifier !== '+') {
        text = this.lstripTail(text, textStart);
      }
      this.pushText(text, textStart);
      this.pos = best + delim.length + (modifier === '-' || modifier === '+' ? 1 : 0);
      if (kind === 'comment') this.skipComment(best);
      else if (kind === 'variable') this.lexTag('variable_begin', 'variable_end', syntax.variableEnd, best);
      else this.lexBlock(best);
    }
    this.tokens.push({ type: 'eof', value: '', ...this.position(src.length) });
    return this.tokens;
  }

  private position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.lineStarts[lo] ?? 0) + 1 };
  }

  private fail(message: string, offset: number): never {
    const { line, column } = this.position(offset);
    throw new TemplateSyntaxError(message, line, column);
  }

  /** Template text, with \r\n and \r normalised to \n as Jinja's newline_sequence does. */
  private pushText(text: string, offset: number): void {
    if (text !== '') this.tokens.push({ type: 'text', value: text.replace(/\r\n?/g, '\n'), ...this.position(offset) });
  }

  /** lstrip_blocks: drop spaces/tabs between the start of the line and a block tag. */
  private lstripTail(text: string, textStart: number): string {
    const nl = text.lastIndexOf('\n');
    const tail = text.slice(nl + 1);
    if (!/^[ \t]*$/.test(tail)) return text;
    if (nl === -1 && textStart !== 0 && this.src[textStart - 1] !== '\n') return text;
    return text.slice(0, nl + 1);
  }

  /** After a closing `%}`: `-` strips all following whitespace, trim_blocks one newline. */
  private afterBlockEnd(stripAll: boolean, keep: boolean): void {
    if (stripAll) {
      const m = /\s*/y;
      m.lastIndex = this.pos;
      m.exec(this.src);
      this.pos = m.lastIndex;
    } else if (this.syntax.trimBlocks && !keep) {
      if (this.src.startsWith('\r\n', this.pos)) this.pos += 2;
      else if (this.src[this.pos] === '\n') this.pos += 1;
    }
  }

  private skipComment(start: number): void {
    const end = this.src.indexOf(this.syntax.commentEnd, this.pos);
    if (end === -1) this.fail('Missing end of comment tag', start);
    const stripAll = this.src[end - 1] === '-';
    this.pos = end + this.syntax.commentEnd.length;
    this.afterBlockEnd(stripAll, this.src[end - 1] === '+');
  }

  private lexBlock(start: number): void {
    const begin = this.tokens.length;
    this.lexTag('block_begin', 'block_end', this.syntax.blockEnd, start);
    const first = this.tokens[begin + 1];
    if (first?.type === 'name' && first.value === 'raw' && this.tokens[begin + 2]?.type === 'block_end') {
      this.tokens.length = begin;
      this.lexRawBody(start);
    }
  }

  private lexRawBody(start: number): void {
    const { blockStart, blockEnd } = this.syntax;
    const re = new RegExp(`${escapeRegExp(blockStart)}([-+]?)\\s*endraw\\s*([-+]?)${escapeRegExp(blockEnd)}`, 'g');
    re.lastIndex = this.pos;
    const m = re.exec(this.src);
    if (!m) this.fail("Missing end of raw directive", start);
    let body = this.src.slice(this.pos, m.index);
    if (m[1] === '-') body = body.replace(/\s+$/, '');
    else if (this.syntax.lstripBlocks && m[1] !== '+') body = this.lstripTail(body, this.pos);
    this.pushText(body, this.pos);
    this.pos = m.index + m[0].length;
    this.afterBlockEnd(m[2] === '-', m[2] === '+');
  }

  private lexTag(beginType: TokenType, endType: TokenType, endDelim: string, start: number): void {
    const { src } = this;
    this.tokens.push({ type: beginType, value: '', ...this.position(start) });
    const isVariable = beginType === 'variable_begin';
    const first = this.tokens.length;
    let depth = 0;
    for (;;) {
      while (this.pos < src.length && /\s/.test(src[this.pos] ?? '')) this.pos++;
      if (this.pos >= src.length) this.fail(`unexpected end of template, expected '${endDelim}'`, start);
      if (depth === 0) {
        const mod = src[this.pos];
        if ((mod === '-' || mod === '+') && src.startsWith(endDelim, this.pos + 1)) {
          const raw = this.isRawOpening(first);
          this.tokens.push({ type: endType, value: '', ...this.position(this.pos) });
          this.pos += 1 + endDelim.length;
          if (isVariable) this.afterVariableEnd(mod === '-');
          else this.afterBlockEnd(mod === '-', mod === '+' || raw);
          return;
        }
        if (src.startsWith(endDelim, this.pos)) {
          const raw = this.isRawOpening(first);
          this.tokens.push({ type: endType, value: '', ...this.position(this.pos) });
          this.pos += endDelim.length;
          if (!isVariable) this.afterBlockEnd(false, raw);
          return;
        }
      }
      const tokenStart = this.pos;
      const token = this.lexExpressionToken(isVariable);
      if (token.type === 'operator') {
        if ('([{'.includes(token.value)) depth++;
        else if (')]}'.includes(token.value)) depth = Math.max(0, depth - 1);
      }
      this.tokens.push({ ...token, ...this.position(tokenStart) });
    }
  }

  /** `{% raw %}`: Jinja does not apply trim_blocks to the newline after it (only `-%}` strips). */
  private isRawOpening(first: number): boolean {
    const name = this.tokens[first];
    return this.tokens.length === first + 1 && name?.type === 'name' && name.value === 'raw';
  }

  private afterVariableEnd(stripAll: boolean): void {
    if (stripAll) this.afterBlockEnd(true, false);
  }

  private lexExpressionToken(inVariable: boolean): { type: TokenType; value: string } {
    const { src } = this;
    const ch = src[this.pos] ?? '';
    if (ch === "'" || ch === '"') return { type: 'string', value: this.lexString(ch, inVariable) };
    if (/[0-9]/.test(ch)) {
      const afterDot = src[this.pos - 1] === '.';
      if (!afterDot) {
        FLOAT.lastIndex = this.pos;
        const f = FLOAT.exec(src);
        if (f) {
          this.pos = FLOAT.lastIndex;
          return { type: 'float', value: f[0].replace(/_/g, '') };
        }
      }
      INTEGER.lastIndex = this.pos;
      const i = INTEGER.exec(src);
      if (i) {
        this.pos = INTEGER.lastIndex;
        return { type: 'integer', value: i[0].replace(/_/g, '') };
      }
    }
    NAME.lastIndex = this.pos;
    const n = NAME.exec(src);
    if (n) {
      this.pos = NAME.lastIndex;
      return { type: 'name', value: n[0] };
    }
    for (const op of OPERATORS) {
      if (src.startsWith(op, this.pos)) {
        this.pos += op.length;
        return { type: 'operator', value: op };
      }
    }
    this.fail(`unexpected char ${JSON.stringify(ch)}`, this.pos);
  }

  private lexString(quote: string, inVariable: boolean): string {
    const { src } = this;
    const start = this.pos;
    this.pos++;
    let out = '';
    const literal = inVariable && this.syntax.literalBackslashesInVariables;
    while (this.pos < src.length) {
      const c = src[this.pos] ?? '';
      if (c === quote) {
        this.pos++;
        return out;
      }
      if (c === '\\') {
        const next = src[this.pos + 1] ?? '';
        if (literal) {
          out += c + next;
          this.pos += 2;
          continue;
        }
        const simple = SIMPLE_ESCAPES[next];
        if (simple !== undefined) {
          out += simple;
          this.pos += 2;
          continue;
        }
        const hex = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
        const digits = src.slice(this.pos + 2, this.pos + 2 + hex);
        if (hex > 0 && /^[0-9a-fA-F]+$/.test(digits) && digits.length === hex) {
          out += String.fromCodePoint(parseInt(digits, 16));
          this.pos += 2 + hex;
          continue;
        }
        if (next === '\n') {
          this.pos += 2;
          continue;
        }
        out += c;
        this.pos++;
        continue;
      }
      out += c;
      this.pos++;
    }
    this.fail('unexpected end of string', start);
  }
}
