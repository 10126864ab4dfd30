/**
 * Python's str() for the few values whose text tsible must reproduce exactly:
 * mapping keys (Python keeps 1, True, None as keys; JS objects need strings)
 * and floats printed in messages.
 */
export function pythonFloatRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  // Shortest round-tripping digits, as both JS and Python compute them.
  const [mantissa = '0', exp = '0'] = value.toExponential().split('e');
  const exponent = Number(exp);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = negative ? '-' : '';
  // Python switches to scientific notation outside 1e-4 <= |x| < 1e16.
  if (exponent < -4 || exponent >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exponent).toString().padStart(2, '0');
    return `${sign}${m}e${exponent < 0 ? '-' : '+'}${e}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const intPart = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fracPart = digits.slice(exponent + 1);
  return `${sign}${intPart}.${fracPart === '' ? '0' : fracPart}`;
}

/** str(key) as Python prints a constructed YAML scalar used as a dict key. */
export function pythonKeyString(key: unknown, isFloat: boolean): string {
  if (key === null) return 'None';
  if (key === true) return 'True';
  if (key === false) return 'False';
  if (typeof key === 'number') return isFloat ? pythonFloatRepr(key) : String(key);
  return String(key);
}

/** Python's repr() of a string: single quotes unless the text holds only single quotes. */
export function pythonStrRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}

/**
 * How Python prints a value with str(): strings bare, None/True/False, and
 * containers with repr() of their items (['a', 'b'], ('x',), {'k': 1}).
 */
export function pythonStr(value: unknown): string {
  if (typeof value === 'string') return value;
  return pythonRepr(value);
}

export function pythonRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : pythonFloatRepr(value);
  if (typeof value === 'string') return pythonStrRepr(value);
  if (value instanceof PythonTuple) {
    const items = value.items.map(pythonRepr);
    return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
  }
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value).map(([k, v]) => `${pythonStrRepr(k)}: ${pythonRepr(v)}`).join(', ')}}`;
  }
  return String(value);
}

/** Marks a list that Python holds as a tuple, so it prints as (a, b). */
export class PythonTuple {
  constructor(readonly items: readonly unknown[]) {}
}
