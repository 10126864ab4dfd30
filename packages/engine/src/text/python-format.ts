/**
 * Python's text for the scalars that everything else builds on: float repr,
 * str repr, and str() of mapping keys (Python keeps 1, True, None as keys; JS
 * objects need strings). Containers and objects print through
 * template/python/repr.ts, the one pythonRepr/pythonStr.
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

/** Marks a list that Python holds as a tuple, so it prints as (a, b). */
export class PythonTuple {
  constructor(readonly items: readonly unknown[]) {}
}
