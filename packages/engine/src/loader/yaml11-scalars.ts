/**
 * YAML 1.1 scalar resolution exactly as PyYAML's SafeLoader (Ansible's
 * parser) does it: which tag a plain scalar gets, and how a tagged scalar
 * becomes a value. The regular expressions mirror PyYAML's resolver, which
 * differs from YAML 1.2 and from other YAML 1.1 libraries (no y/n booleans,
 * floats need a dot and a signed exponent, 0644 is octal, 1:20 is 80).
 */

export type ScalarTag = 'null' | 'bool' | 'int' | 'float' | 'timestamp' | 'merge' | 'value' | 'str';

const BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const NULL = /^(?:~|null|Null|NULL|)$/;
const TIMESTAMP =
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/;

/** The tag PyYAML's resolver gives a plain (unquoted, untagged) scalar. */
export function resolvePlainTag(text: string): ScalarTag {
  const first = text.charAt(0);
  // PyYAML only tries the resolvers registered for the first character.
  switch (first) {
    case '':
      return 'null';
    case '~':
      return text === '~' ? 'null' : 'str';
    case 'n':
    case 'N':
      if (BOOL.test(text)) return 'bool';
      return NULL.test(text) ? 'null' : 'str';
    case 'y':
    case 'Y':
    case 't':
    case 'T':
    case 'f':
    case 'F':
    case 'o':
    case 'O':
      return BOOL.test(text) ? 'bool' : 'str';
    case '<':
      return text === '<<' ? 'merge' : 'str';
    case '=':
      return text === '=' ? 'value' : 'str';
    case '.':
      return FLOAT.test(text) ? 'float' : 'str';
    case '-':
    case '+':
      if (FLOAT.test(text)) return 'float';
      return INT.test(text) ? 'int' : 'str';
    default:
      if (first >= '0' && first <= '9') {
        if (FLOAT.test(text)) return 'float';
        if (INT.test(text)) return 'int';
        if (TIMESTAMP.test(text)) return 'timestamp';
      }
      return 'str';
  }
}

/** Raised when a scalar cannot become a value of its tag (e.g. `!!int abc`). */
export class ScalarValueError extends Error {}

const BOOL_VALUES: Readonly<Record<string, boolean>> = { yes: true, no: false, true: true, false: false, on: true, off: false };

export function constructBool(text: string): boolean {
  const value = BOOL_VALUES[text.toLowerCase()];
  if (value === undefined) throw new ScalarValueError(`invalid boolean: '${text}'`);
  return value;
}

/** Python's int(text, base): surrounding whitespace allowed, digits only. */
function pythonInt(text: string, base: 2 | 8 | 10 | 16): number {
  let body = text.trim();
  let sign = 1;
  if (body.startsWith('-') || body.startsWith('+')) {
    if (body.startsWith('-')) sign = -1;
    body = body.slice(1);
  }
  const prefix = { 2: /^0[bB]/, 8: /^0[oO]/, 10: null, 16: /^0[xX]/ }[base];
  if (prefix !== null) body = body.replace(prefix, '');
  const digits = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ }[base];
  if (!digits.test(body)) throw new ScalarValueError(`invalid literal for int() with base ${base}: '${text}'`);
  const value = base === 10 ? Number(body) : parseInt(body, base);
  return sign * value;
}

function sexagesimal(parts: number[]): number {
  let value = 0;
  for (const part of parts) value = value * 60 + part;
  return value;
}

/** PyYAML's construct_yaml_int. Beyond 2**53 the JS number is approximate. */
export function constructInt(text: string): number {
  let value = text.replace(/_/g, '');
  let sign = 1;
  if (value.startsWith('-')) sign = -1;
  if (value.startsWith('-') || value.startsWith('+')) value = value.slice(1);
  if (value === '0') return 0;
  if (value.startsWith('0b')) return sign * pythonInt(value.slice(2), 2);
  if (value.startsWith('0x')) return sign * pythonInt(value.slice(2), 16);
  if (value.startsWith('0')) return sign * pythonInt(value, 8);
  if (value.includes(':')) return sign * sexagesimal(value.split(':').map((p) => pythonInt(p, 10)));
  if (value === '') throw new ScalarValueError(`invalid literal for int() with base 10: '${text}'`);
  return sign * pythonInt(value, 10);
}

/** Python's float(text). */
function pythonFloat(text: string): number {
  const body = text.trim();
  if (/^[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/.test(body)) return Number(body);
  const special = /^([-+]?)(inf|infinity|nan)$/i.exec(body);
  if (special) {
    if (special[2]?.toLowerCase() === 'nan') return NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  throw new ScalarValueError(`could not convert string to float: '${text}'`);
}

/** PyYAML's construct_yaml_float. */
export function constructFloat(text: string): number {
  let value = text.replace(/_/g, '').toLowerCase();
  let sign = 1;
  if (value.startsWith('-')) sign = -1;
  if (value.startsWith('-') || value.startsWith('+')) value = value.slice(1);
  if (value === '.inf') return sign * Infinity;
  if (value === '.nan') return NaN;
  if (value.includes(':')) return sign * sexagesimal(value.split(':').map(pythonFloat));
  return sign * pythonFloat(value);
}

const TIMESTAMP_PARTS =
  /^([0-9]{4})-([0-9][0-9]?)-([0-9][0-9]?)(?:(?:[Tt]|[ \t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?)?$/;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * PyYAML gives a datetime.date or datetime.datetime; tsible keeps Python's
 * str() of that value (what Ansible templates it to), e.g.
 * `2001-12-14 21:59:43.100000-05:00` or `2001-12-14`.
 */
export function constructTimestamp(text: string): string {
  const m = TIMESTAMP_PARTS.exec(text);
  if (!m) throw new ScalarValueError(`invalid timestamp: '${text}'`);
  const [, y, mo, d, h, mi, s, fraction, tz, tzSign, tzHour, tzMinute] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (year < 1) throw new ScalarValueError(`year ${year} is out of range`);
  if (month < 1 || month > 12) throw new ScalarValueError('month must be in 1..12');
  if (day < 1 || day > daysInMonth(year, month)) throw new ScalarValueError('day is out of range for month');
  const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  if (h === undefined) return date;
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (hour > 23) throw new ScalarValueError('hour must be in 0..23');
  if (minute > 59) throw new ScalarValueError('minute must be in 0..59');
  if (second > 59) throw new ScalarValueError('second must be in 0..59');
  const micro = fraction ? Number(fraction.slice(0, 6).padEnd(6, '0')) : 0;
  let out = `${date} ${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}`;
  if (micro !== 0) out += `.${pad(micro, 6)}`;
  if (tzSign !== undefined) {
    const offsetMinutes = Number(tzHour) * 60 + Number(tzMinute ?? 0);
    if (offsetMinutes >= 24 * 60) throw new ScalarValueError('offset must be a timedelta strictly between -24 and 24 hours');
    const negative = tzSign === '-' && offsetMinutes !== 0;
    out += `${negative ? '-' : '+'}${pad(Math.floor(offsetMinutes / 60), 2)}:${pad(offsetMinutes % 60, 2)}`;
  } else if (tz !== undefined) {
    out += '+00:00';
  }
  return out;
}

/** `!!binary`: base64 text (line breaks allowed) to bytes. */
export function constructBinary(text: string): Buffer {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) {
    throw new ScalarValueError('failed to convert base64 data: incorrect padding or characters');
  }
  return Buffer.from(compact, 'base64');
}
