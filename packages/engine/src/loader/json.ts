import { recordLazyLocations, recordMapping, recordSequence, type LazyLocations, type SourceText } from './locations.js';
import { MAX_YAML_NESTING } from './nesting-depth.js';
import { setOwn } from './own-property.js';
import { UnsafeText, VaultText } from './tagged-values.js';

export type JsonResult = { ok: true; value: unknown } | { ok: false; offset: number; message: string };

class JsonSyntax {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?/y;
const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * JSON as Python's json.loads reads it (NaN/Infinity allowed, duplicate keys:
 * last wins, no control characters in strings) plus Ansible's decoder hooks
 * (`{"__ansible_vault": ...}`, `{"__ansible_unsafe": ...}`), recording the
 * location of every object, array, key and item.
 */
export function parseJson(source: SourceText, text: string): JsonResult {
  const native = parseJsonNatively(source, text);
  if (native.ok) return native;
  return readJson(source, text);
}

/** Thrown to leave a document to JsonReader. */
class Decline extends Error {}

/** Positions come later, from JsonReader, if anyone asks; Ansible's markers need the reader. */
function finishNative(value: unknown, lazy: LazyLocations, depth: number): void {
  if (value === null || typeof value !== 'object') return;
  if (depth > MAX_YAML_NESTING) throw new Decline();
  if (Array.isArray(value)) {
    for (const item of value) finishNative(item, lazy, depth + 1);
  } else {
    if (Object.prototype.hasOwnProperty.call(value, '__ansible_vault') || Object.prototype.hasOwnProperty.call(value, '__ansible_unsafe')) throw new Decline();
    for (const item of Object.values(value)) finishNative(item, lazy, depth + 1);
  }
  recordLazyLocations(value, lazy);
}

/**
 * The engine's own JSON.parse, many times faster than any reader in JS; it
 * gives what Python's json.loads gives for everything it accepts (NaN and
 * Infinity it refuses, so those documents go to JsonReader).
 */
function parseJsonNatively(source: SourceText, text: string): JsonResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, offset: 0, message: 'not strict JSON' };
  }
  const lazy: LazyLocations = { build: () => (readJson(source, text) as { value?: unknown }).value, done: false, root: value };
  try {
    finishNative(value, lazy, 0);
  } catch (err) {
    if (err instanceof Decline) return { ok: false, offset: 0, message: 'needs the full reader' };
    throw err;
  }
  return { ok: true, value };
}

/** JsonReader over the whole text: positions for everything, Python's extras. */
function readJson(source: SourceText, text: string): JsonResult {
  const reader = new JsonReader(source, text);
  try {
    const value = reader.document();
    return { ok: true, value };
  } catch (err) {
    if (err instanceof JsonSyntax) return { ok: false, offset: err.offset, message: err.message };
    throw err;
  }
}

class JsonReader {
  private pos = 0;
  private depth = 0;

  constructor(
    private readonly source: SourceText,
    private readonly text: string,
  ) {}

  document(): unknown {
    const value = this.value();
    this.space();
    if (this.pos < this.text.length) throw new JsonSyntax(this.pos, 'Extra data');
    return value;
  }

  private space(): void {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) pos++;
      else break;
    }
    this.pos = pos;
  }

  private value(): unknown {
    this.space();
    const text = this.text;
    const c = text.charAt(this.pos);
    if (c === '{' || c === '[') {
      // Python's json gives up on deep nesting too; the YAML fallback then reports it.
      if (++this.depth > MAX_YAML_NESTING) throw new JsonSyntax(this.pos, 'nesting too deep');
      const value = c === '{' ? this.object() : this.array();
      this.depth--;
      return value;
    }
    if (c === '"') return this.string();
    for (const [word, value] of LITERALS) {
      if (text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
    }
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(text);
    if (m === null) throw new JsonSyntax(this.pos, 'Expecting value');
    this.pos += m[0].length;
    return Number(m[0]);
  }

  private object(): unknown {
    const start = this.pos++;
    const result: Record<string, unknown> = {};
    const keys: Array<string | number> = [];
    this.space();
    if (this.text.charAt(this.pos) === '}') {
      this.pos++;
    } else {
      for (;;) {
        this.space();
        if (this.text.charAt(this.pos) !== '"') throw new JsonSyntax(this.pos, 'Expecting property name enclosed in double quotes');
        const keyAt = this.pos;
        const key = this.string();
        this.space();
        if (this.text.charAt(this.pos) !== ':') throw new JsonSyntax(this.pos, "Expecting ':' delimiter");
        this.pos++;
        const value = this.value();
        setOwn(result, key, value);
        keys.push(key, keyAt);
        this.space();
        const next = this.text.charAt(this.pos++);
        if (next === '}') break;
        if (next !== ',') throw new JsonSyntax(this.pos - 1, "Expecting ',' delimiter");
      }
    }
    const hooked = ansibleHook(result, this.source, start);
    if (hooked !== result) return hooked;
    recordMapping(result, this.source, start, keys);
    return result;
  }

  private array(): unknown[] {
    const start = this.pos++;
    const result: unknown[] = [];
    const items: number[] = [];
    this.space();
    if (this.text.charAt(this.pos) === ']') {
      this.pos++;
    } else {
      for (;;) {
        this.space();
        items.push(this.pos);
        result.push(this.value());
        this.space();
        const next = this.text.charAt(this.pos++);
        if (next === ']') break;
        if (next !== ',') throw new JsonSyntax(this.pos - 1, "Expecting ',' delimiter");
      }
    }
    recordSequence(result, this.source, start, items);
    return result;
  }

  private string(): string {
    const text = this.text;
    let pos = this.pos + 1;
    let out = '';
    let chunk = pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (Number.isNaN(c)) throw new JsonSyntax(this.pos, 'Unterminated string starting at');
      if (c === 34) break;
      if (c < 32) throw new JsonSyntax(pos, 'Invalid control character at');
      if (c === 92) {
        out += text.slice(chunk, pos);
        const e = text.charAt(pos + 1);
        if (e === 'u') {
          const hex = text.slice(pos + 2, pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonSyntax(pos, 'Invalid \\uXXXX escape');
          out += String.fromCharCode(parseInt(hex, 16));
          pos += 6;
        } else {
          const mapped = ESCAPES[e];
          if (mapped === undefined) throw new JsonSyntax(pos, 'Invalid \\escape');
          out += mapped;
          pos += 2;
        }
        chunk = pos;
        continue;
      }
      pos++;
    }
    out += text.slice(chunk, pos);
    this.pos = pos + 1;
    return out;
  }
}

const LITERALS: ReadonlyArray<readonly [string, unknown]> = [
  ['true', true],
  ['false', false],
  ['null', null],
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['-Infinity', -Infinity],
];

/** Ansible's JSON decoder turns these marker objects back into typed values. */
function ansibleHook(obj: Record<string, unknown>, source: SourceText, start: number): unknown {
  if (Object.prototype.hasOwnProperty.call(obj, '__ansible_vault')) {
    return new VaultText(String(obj['__ansible_vault']), source.locate(start));
  }
  if (Object.prototype.hasOwnProperty.call(obj, '__ansible_unsafe')) {
    const inner = obj['__ansible_unsafe'];
    return typeof inner === 'string' ? new UnsafeText(inner) : inner;
  }
  return obj;
}
