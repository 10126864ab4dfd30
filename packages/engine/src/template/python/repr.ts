import { PyFloat } from './float.js';
import { isUnsafe } from '../unsafe.js';
import { isTuple } from './tuple.js';
import { PyObject } from './object.js';

/** Python's repr() of a float: shortest round-trip digits, exponent outside [1e-4, 1e16). */
export function floatRepr(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const [mantissa = '0', expText = '0'] = n.toExponential().split('e');
  const exp = Number(expText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = negative ? '-' : '';
  if (exp >= -4 && exp < 16) {
    if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
    const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
    const frac = digits.slice(exp + 1);
    return `${sign}${intPart}.${frac === '' ? '0' : frac}`;
  }
  const frac = digits.slice(1);
  const expSign = exp < 0 ? '-' : '+';
  return `${sign}${digits[0]}${frac ? '.' + frac : ''}e${expSign}${String(Math.abs(exp)).padStart(2, '0')}`;
}

/** Python's repr() of a str: single quotes unless the text holds ' and no ". */
export function stringRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + quote;
}

export function isPlainMapping(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  if (value instanceof PyFloat || value instanceof PyObject || isUnsafe(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Python's repr(): what a value looks like inside a printed list or dict. */
export function pythonRepr(value: unknown): string {
  if (typeof value === 'string') return stringRepr(value);
  if (isUnsafe(value)) return stringRepr(value.text);
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 1e21 ? String(value) : floatRepr(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof PyFloat) return floatRepr(value.value);
  if (value instanceof PyObject) return value.pythonRepr();
  if (Array.isArray(value)) {
    if (isTuple(value)) return value.length === 1 ? `(${pythonRepr(value[0])},)` : `(${value.map(pythonRepr).join(', ')})`;
    return `[${value.map(pythonRepr).join(', ')}]`;
  }
  if (value instanceof Map) {
    return `{${[...value.entries()].map(([k, v]) => `${pythonRepr(k)}: ${pythonRepr(v)}`).join(', ')}}`;
  }
  if (value instanceof Set) return value.size === 0 ? 'set()' : `{${[...value].map(pythonRepr).join(', ')}}`;
  if (typeof value === 'object') {
    const custom = (value as { pythonRepr?: unknown }).pythonRepr;
    if (typeof custom === 'function') return String((custom as () => unknown).call(value));
    return `{${Object.entries(value).map(([k, v]) => `${stringRepr(k)}: ${pythonRepr(v)}`).join(', ')}}`;
  }
  return String(value);
}

/** Python's str(): strings as they are, everything else as repr. */
export function pythonStr(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isUnsafe(value)) return value.text;
  if (value instanceof PyObject) return value.pythonStr();
  return pythonRepr(value);
}
