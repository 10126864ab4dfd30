import { TemplateRuntimeError } from '../jinja/runtime-error.js';
import { PyFloat } from './float.js';
import { floatRepr, isPlainMapping } from './repr.js';
import { isUnsafe } from '../unsafe.js';
import { pythonTypeName } from './type-name.js';
import { compareCodePoints } from '../../text/code-point-order.js';

export interface JsonDumpOptions {
  indent?: number | null;
  sortKeys?: boolean;
  /** Python's default separators: (', ', ': '), or (',', ': ') when indenting. */
  separators?: [string, string];
  ensureAscii?: boolean;
  /** Print values JSON cannot hold as their text instead of failing (output callbacks must never fail). */
  unknownAsText?: boolean;
}

function jsonString(s: string, ensureAscii: boolean): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (code < 0x20 || (ensureAscii && code > 0x7e)) {
      if (code > 0xffff) {
        const hi = Math.floor((code - 0x10000) / 0x400) + 0xd800;
        const lo = ((code - 0x10000) % 0x400) + 0xdc00;
        out += `\\u${hi.toString(16).padStart(4, '0')}\\u${lo.toString(16).padStart(4, '0')}`;
      } else out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return out + '"';
}

function jsonFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  return floatRepr(n);
}

/** Python's json.dumps: same spacing, escaping and float text as Ansible's to_json. */
export function pythonJsonDumps(value: unknown, options: JsonDumpOptions = {}): string {
  const indent = options.indent ?? null;
  const [itemSep, keySep] = options.separators ?? (indent === null ? [', ', ': '] : [',', ': ']);
  const ensureAscii = options.ensureAscii ?? true;
  const walk = (v: unknown, level: number): string => {
    if (v === null || v === undefined) return 'null';
    if (v === true) return 'true';
    if (v === false) return 'false';
    if (typeof v === 'string') return jsonString(v, ensureAscii);
    if (isUnsafe(v)) return jsonString(v.text, ensureAscii);
    if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 1e21 ? String(v) : jsonFloat(v);
    if (typeof v === 'bigint') return v.toString();
    if (v instanceof PyFloat) return jsonFloat(v.value);
    const open = (items: string[], o: string, c: string): string => {
      if (items.length === 0) return o + c;
      if (indent === null) return o + items.join(itemSep) + c;
      const pad = '\n' + ' '.repeat(indent * (level + 1));
      return o + pad + items.join(itemSep + pad) + '\n' + ' '.repeat(indent * level) + c;
    };
    if (Array.isArray(v)) return open(v.map((x) => walk(x, level + 1)), '[', ']');
    if (isPlainMapping(v)) {
      const keys = Object.keys(v);
      if (options.sortKeys) keys.sort(compareCodePoints);
      return open(keys.map((k) => jsonString(k, ensureAscii) + keySep + walk(v[k], level + 1)), '{', '}');
    }
    if (options.unknownAsText === true) return jsonString(String(v), ensureAscii);
    throw new TemplateRuntimeError(`Object of type ${pythonTypeName(v)} is not JSON serializable`);
  };
  return walk(value, 0);
}
