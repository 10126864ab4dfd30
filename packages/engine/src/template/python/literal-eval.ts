import { makeFloat } from './float.js';
import { setItem } from './dict.js';

const NAMES: Record<string, unknown> = { True: true, False: false, None: null, true: true, false: false, null: null };
const FAIL = Symbol('literal-eval-fail');

/**
 * Python's ast.literal_eval over the names Ansible adds (true/false/null):
 * strings, numbers, booleans, None, lists, tuples (as lists), dicts and sets
 * (as lists). Returns `{ ok: false }` where Python would raise.
 */
export function literalEval(text: string): { ok: true; value: unknown } | { ok: false } {
  const p = new LiteralParser(text);
  try {
    p.skipSpace();
    const value = p.value();
    p.skipSpace();
    if (!p.atEnd()) return { ok: false };
    return { ok: true, value };
  } catch (err) {
    if (err === FAIL) return { ok: false };
    throw err;
  }
}

class LiteralParser {
  private i = 0;
  constructor(private readonly s: string) {}

  atEnd(): boolean {
    return this.i >= this.s.length;
  }

  skipSpace(): void {
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') this.i++;
      else if (c === '\\' && this.s[this.i + 1] === '\n') this.i += 2;
      else break;
    }
  }

  private peek(): string {
    return this.s[this.i] ?? '';
  }

  private eat(ch: string): boolean {
    this.skipSpace();
    if (this.s[this.i] === ch) {
      this.i++;
      return true;
    }
    return false;
  }

  value(): unknown {
    this.skipSpace();
    const c = this.peek();
    if (c === '[') return this.sequence('[', ']');
    if (c === '(') {
      const items = this.sequence('(', ')', true);
      return items;
    }
    if (c === '{') return this.mapping();
    if (c === '-' || c === '+') {
      this.i++;
      this.skipSpace();
      const n = this.number();
      if (typeof n !== 'number' && !(typeof n === 'object' && n !== null)) throw FAIL;
      const v = Number(n);
      return c === '-' ? (Number.isInteger(v) && typeof n === 'number' ? -v : makeFloat(-v)) : n;
    }
    if (/[0-9.]/.test(c)) return this.number();
    const str = this.strings();
    if (str !== undefined) return str;
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.s.slice(this.i));
    if (m && Object.prototype.hasOwnProperty.call(NAMES, m[0])) {
      this.i += m[0].length;
      return NAMES[m[0]];
    }
    throw FAIL;
  }

  private sequence(open: string, close: string, tuple = false): unknown[] {
    this.i++;
    const items: unknown[] = [];
    let sawComma = false;
    for (;;) {
      if (this.eat(close)) break;
      if (items.length > 0) {
        if (!this.eat(',')) throw FAIL;
        sawComma = true;
        if (this.eat(close)) break;
      }
      items.push(this.value());
    }
    // `(x)` is just x; only `(x,)` is a tuple.
    if (tuple && items.length === 1 && !sawComma) return items[0] as unknown[];
    return items;
  }

  private mapping(): unknown {
    this.i++;
    const out: Record<string, unknown> = {};
    const setItems: unknown[] = [];
    let isSet = false;
    let first = true;
    for (;;) {
      if (this.eat('}')) break;
      if (!first) {
        if (!this.eat(',')) throw FAIL;
        if (this.eat('}')) break;
      }
      const key = this.value();
      if (first && !this.eat(':')) {
        isSet = true;
      } else if (!isSet && !first && !this.eat(':')) throw FAIL;
      first = false;
      if (isSet) {
        setItems.push(key);
        continue;
      }
      if (typeof key === 'object' && key !== null && !(typeof key.valueOf() === 'number')) throw FAIL;
      setItem(out, key === null ? 'None' : key === true ? 'True' : key === false ? 'False' : String(key), this.value());
    }
    return isSet ? setItems : out;
  }

  private number(): unknown {
    const rest = this.s.slice(this.i);
    const hex = /^0[xX][0-9a-fA-F_]+|^0[oO][0-7_]+|^0[bB][01_]+/.exec(rest);
    if (hex) {
      this.i += hex[0].length;
      return Number(hex[0].replace(/_/g, ''));
    }
    const m = /^(?:\d[\d_]*)?(?:\.\d[\d_]*|\d\.)?(?:[eE][+-]?\d+)?/.exec(rest);
    const text = m?.[0] ?? '';
    if (text === '' || text === '.') throw FAIL;
    this.i += text.length;
    const clean = text.replace(/_/g, '');
    if (/[.eE]/.test(clean)) return makeFloat(Number(clean));
    if (/^0\d/.test(clean) && !/^0+$/.test(clean)) throw FAIL;
    return Number(clean);
  }

  /** One or more adjacent string literals, concatenated as Python does. */
  private strings(): string | undefined {
    let out: string | undefined;
    for (;;) {
      this.skipSpace();
      const m = /^([rRbBuU]{0,2})('''|"""|'|")/.exec(this.s.slice(this.i));
      if (!m) return out;
      const prefix = (m[1] ?? '').toLowerCase();
      const quote = m[2] ?? "'";
      this.i += m[0].length;
      out = (out ?? '') + this.stringBody(quote, prefix.includes('r'));
    }
  }

  private stringBody(quote: string, raw: boolean): string {
    let out = '';
    for (;;) {
      if (this.i >= this.s.length) throw FAIL;
      if (this.s.startsWith(quote, this.i)) {
        this.i += quote.length;
        return out;
      }
      const c = this.s[this.i] ?? '';
      if (c === '\n' && quote.length === 1) throw FAIL;
      if (c === '\\') {
        const n = this.s[this.i + 1] ?? '';
        if (raw) {
          out += c + n;
          this.i += 2;
          continue;
        }
        this.i += 2;
        out += this.escape(n);
        continue;
      }
      out += c;
      this.i++;
    }
  }

  private escape(n: string): string {
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '' };
    if (n in simple) return simple[n] as string;
    const width = n === 'x' ? 2 : n === 'u' ? 4 : n === 'U' ? 8 : 0;
    if (width > 0) {
      const digits = this.s.slice(this.i, this.i + width);
      if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(digits)) throw FAIL;
      this.i += width;
      return String.fromCodePoint(parseInt(digits, 16));
    }
    if (/[0-7]/.test(n)) {
      let digits = n;
      while (digits.length < 3 && /[0-7]/.test(this.s[this.i] ?? '')) digits += this.s[this.i++];
      return String.fromCodePoint(parseInt(digits, 8));
    }
    return '\\' + n;
  }
}
