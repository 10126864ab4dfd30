import { UnsafeText, VaultText } from '../../loader/tagged-values.js';
import { pythonFloatRepr } from '../../text/python-format.js';

/**
 * Text identical to Python's json.dumps(value, sort_keys=True, indent=4,
 * ensure_ascii=False), which ansible-inventory prints.
 */
export function pythonJson(value: unknown, indent = 4): string {
  return write(value, 0, ' '.repeat(indent));
}

function write(value: unknown, level: number, unit: string): string {
  if (value === null || value === undefined) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (value === Infinity) return 'Infinity';
    if (value === -Infinity) return '-Infinity';
    return Number.isSafeInteger(value) ? String(value) : pythonFloatRepr(value);
  }
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') return JSON.stringify(value);
  // ansible-inventory's encoder marks !unsafe text and shows vaulted values as ciphertext.
  if (value instanceof UnsafeText) return write({ __ansible_unsafe: value.text }, level, unit);
  if (value instanceof VaultText) return write({ __ansible_vault: value.ciphertext }, level, unit);
  const inner = unit.repeat(level + 1);
  const outer = unit.repeat(level);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + write(v, level + 1, unit)).join(',\n')}\n${outer}]`;
  }
  if (typeof value === 'object') {
    const keys = Object.keys(value).sort(compareCodePoints);
    if (keys.length === 0) return '{}';
    const rec = value as Record<string, unknown>;
    return `{\n${keys.map((k) => `${inner}${JSON.stringify(k)}: ${write(rec[k], level + 1, unit)}`).join(',\n')}\n${outer}}`;
  }
  return JSON.stringify(String(value));
}

/** Python orders strings by code point. */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const cx = x.value.codePointAt(0) as number;
    const cy = y.value.codePointAt(0) as number;
    if (cx !== cy) return cx - cy;
  }
}
