/**
 * A small reader for Python literals with the semantics of ast.literal_eval,
 * which is how Ansible types values written in INI inventories: `1` is an
 * int, `True` a boolean, `[1, 'a']` a list, `'x'` a quoted string. Anything
 * that is not a literal stays the original string (NOT_A_LITERAL).
 */
export const NOT_A_LITERAL: unique symbol = Symbol('not a literal');
export type LiteralResult = unknown | typeof NOT_A_LITERAL;

class Fail extends Error {}

/** Tuples read from INI values: lists everywhere, but printed as (a, b) where Python would. */
const TUPLES = new WeakSet<readonly unknown[]>();
export function isPythonTuple(value: unknown): boolean {
  return Array.isArray(value) && TUPLES.has(value);
}
function tuple(items: unknown[]): unknown[] {
  TUPLES.add(items);
  return items;
}

const STRING_PREFIX = /^(?:[rRuUbB]|[bB][rR]|[rR][bB])?(['"])/;
const NUMBER = /^(?:0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|(?:\d(?:_?\d)*)?\.\d(?:_?\d)*(?:[eE][+-]?\d(?:_?\d)*)?|\d(?:_?\d)*\.?(?:[eE][+-]?\d(?:_?\d)*)?)/;

class Reader {
  pos = 0;
  constructor(private readonly text: string) {}

  skipSpace(): void {
    for (;;) {
      const c = this.text[this.pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f') this.pos++;
      else if (c === '\\' && this.text[this.pos + 1] === '\n') this.pos += 2;
      else if (c === '#') {
        while (this.pos < this.text.length && this.text[this.pos] !== '\n') this.pos++;
      } else return;
    }
  }

  peek(): string | undefined {
    this.skipSpace();
    return this.text[this.pos];
  }

  expect(ch: string): void {
    if (this.peek() !== ch) throw new Fail();
    this.pos++;
  }

  atEnd(): boolean {
    return this.peek() === undefined;
  }

  value(allowSign = true): unknown {
    const c = this.peek();
    if (c === undefined) throw new Fail();
    if (c === '[') return this.sequence('[', ']');
    if (c === '(') return this.tuple();
    if (c === '{') return this.mapping();
    if ((c === '-' || c === '+') && allowSign) {
      this.pos++;
      const n = this.value(false);
      if (typeof n !== 'number') throw new Fail();
      return c === '-' ? -n : n;
    }
    const rest = this.text.slice(this.pos);
    if (STRING_PREFIX.test(rest)) return this.strings();
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (word) {
      this.pos += word[0].length;
      if (word[0] === 'True') return true;
      if (word[0] === 'False') return false;
      if (word[0] === 'None') return null;
      throw new Fail();
    }
    return this.number(rest);
  }

  number(rest: string): number {
    const m = NUMBER.exec(rest);
    if (!m || m[0] === '') throw new Fail();
    const raw = m[0];
    const after = rest[raw.length];
    // Complex numbers, names glued to digits and leading-zero decimals are not plain literals.
    if (after !== undefined && /[A-Za-z0-9_.]/.test(after)) throw new Fail();
    const clean = raw.replace(/_/g, '');
    let n: number;
    if (/^0[xX]/.test(clean)) n = parseInt(clean.slice(2), 16);
    else if (/^0[oO]/.test(clean)) n = parseInt(clean.slice(2), 8);
    else if (/^0[bB]/.test(clean)) n = parseInt(clean.slice(2), 2);
    else if (/[.eE]/.test(clean)) n = Number(clean);
    else {
      if (/^0\d/.test(clean) && /[1-9]/.test(clean)) throw new Fail();
      n = Number(clean);
    }
    this.pos += raw.length;
    return n;
  }

  /** One or more adjacent string literals, concatenated as Python does. */
  strings(): string {
    let out = '';
    let kind: 'text' | 'bytes' | undefined;
    for (;;) {
      const rest = this.text.slice(this.pos);
      const m = STRING_PREFIX.exec(rest);
      if (!m) break;
      const prefix = m[0].slice(0, -1).toLowerCase();
      const isBytes = prefix.includes('b');
      const thisKind = isBytes ? 'bytes' : 'text';
      if (kind !== undefined && kind !== thisKind) throw new Fail();
      kind = thisKind;
      this.pos += prefix.length;
      out += this.stringBody(prefix.includes('r'));
      if (this.peek() === undefined) break;
    }
    return out;
  }

  stringBody(raw: boolean): string {
    const q = this.text[this.pos] as string;
    const triple = this.text.startsWith(q.repeat(3), this.pos);
    const close = triple ? q.repeat(3) : q;
    this.pos += close.length;
    let out = '';
    for (;;) {
      if (this.pos >= this.text.length) throw new Fail();
      if (this.text.startsWith(close, this.pos)) {
        this.pos += close.length;
        return out;
      }
      const c = this.text[this.pos] as string;
      if (c === '\n' && !triple) throw new Fail();
      if (c === '\\') {
        const next = this.text[this.pos + 1];
        if (next === undefined) throw new Fail();
        if (raw) {
          out += c + next;
          this.pos += 2;
          continue;
        }
        this.pos += 2;
        out += this.escape(next);
        continue;
      }
      out += c;
      this.pos++;
    }
  }

  escape(next: string): string {
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '' };
    const s = simple[next];
    if (s !== undefined) return s;
    const hex = (len: number): string => {
      const digits = this.text.slice(this.pos, this.pos + len);
      if (digits.length !== len || !/^[0-9a-fA-F]+$/.test(digits)) throw new Fail();
      this.pos += len;
      return String.fromCodePoint(parseInt(digits, 16));
    };
    if (next === 'x') return hex(2);
    if (next === 'u') return hex(4);
    if (next === 'U') return hex(8);
    if (/[0-7]/.test(next)) {
      let digits = next;
      while (digits.length < 3 && /[0-7]/.test(this.text[this.pos] ?? '')) digits += this.text[this.pos++];
      return String.fromCodePoint(parseInt(digits, 8));
    }
    return `\\${next}`;
  }

  sequence(open: string, close: string): unknown[] {
    this.expect(open);
    const items: unknown[] = [];
    while (this.peek() !== close) {
      items.push(this.value());
      if (this.peek() === ',') this.pos++;
      else break;
    }
    this.expect(close);
    return items;
  }

  tuple(): unknown[] {
    this.expect('(');
    if (this.peek() === ')') {
      this.pos++;
      return tuple([]);
    }
    const first = this.value();
    if (this.peek() === ')') {
      // `(x)` is just x in parentheses, not a tuple.
      this.pos++;
      return first as unknown[];
    }
    const items = [first];
    while (this.peek() === ',') {
      this.pos++;
      if (this.peek() === ')') break;
      items.push(this.value());
    }
    this.expect(')');
    return tuple(items);
  }

  mapping(): Record<string, unknown> {
    this.expect('{');
    const out: Record<string, unknown> = {};
    if (this.peek() === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      const key = this.value();
      // Sets ({1, 2}) cannot be represented; treat as not a literal.
      if (this.peek() !== ':') throw new Fail();
      this.pos++;
      if (key !== null && typeof key === 'object') throw new Fail();
      out[pythonKey(key)] = this.value();
      if (this.peek() === ',') {
        this.pos++;
        if (this.peek() === '}') break;
        continue;
      }
      break;
    }
    this.expect('}');
    return out;
  }
}

/** Dict keys become strings the way json.dumps writes them. */
function pythonKey(key: unknown): string {
  if (key === true) return 'true';
  if (key === false) return 'false';
  if (key === null) return 'null';
  return String(key);
}

/** Evaluates `text` as a Python literal; NOT_A_LITERAL when it is not one. */
export function literalEval(text: string): LiteralResult {
  // Python strips leading blanks and rejects the empty string.
  const source = text.replace(/^[ \t]+/, '');
  if (source === '' || source.length > 100_000) return NOT_A_LITERAL;
  const reader = new Reader(source);
  try {
    const value = reader.value();
    if (!reader.atEnd()) {
      // `1, 2` at top level is a tuple in Python.
      if (reader.peek() !== ',') return NOT_A_LITERAL;
      const items = [value];
      while (reader.peek() === ',') {
        reader.pos++;
        if (reader.atEnd()) break;
        items.push(reader.value());
      }
      if (!reader.atEnd()) return NOT_A_LITERAL;
      return tuple(items);
    }
    return value;
  } catch (err) {
    if (err instanceof Fail || err instanceof RangeError) return NOT_A_LITERAL;
    throw err;
  }
}

/** What Ansible's INI plugin stores for a value: the literal, or the text itself. */
export function iniValue(text: string): unknown {
  const v = literalEval(text);
  return v === NOT_A_LITERAL ? text : v;
}
