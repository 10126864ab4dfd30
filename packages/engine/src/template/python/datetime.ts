import { JinjaCallable } from '../jinja/callable.js';
import { TemplateRuntimeError } from '../jinja/runtime-error.js';
import { makeFloat } from './float.js';
import { PyObject } from './object.js';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const US_PER_DAY = 86_400_000_000;

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * A naive Python datetime. Wall-clock fields are kept as microseconds since
 * the epoch read as UTC, so arithmetic and strftime never touch time zones.
 */
export class PyDateTime extends PyObject {
  readonly pythonType = 'datetime';

  constructor(readonly micros: number) {
    super();
  }

  static fromDate(date: Date, utc: boolean): PyDateTime {
    const wall = utc
      ? date.getTime()
      : Date.UTC(date.getFullYear(), date.getMonth(), date.getDate(), date.getHours(), date.getMinutes(), date.getSeconds(), date.getMilliseconds());
    return new PyDateTime(wall * 1000);
  }

  private get date(): Date {
    return new Date(Math.floor(this.micros / 1000));
  }

  get microsecond(): number {
    return ((this.micros % 1_000_000) + 1_000_000) % 1_000_000;
  }

  attribute(name: string): unknown {
    const d = this.date;
    switch (name) {
      case 'year':
        return d.getUTCFullYear();
      case 'month':
        return d.getUTCMonth() + 1;
      case 'day':
        return d.getUTCDate();
      case 'hour':
        return d.getUTCHours();
      case 'minute':
        return d.getUTCMinutes();
      case 'second':
        return d.getUTCSeconds();
      case 'microsecond':
        return this.microsecond;
      case 'strftime':
        return new JinjaCallable('strftime', ([fmt]) => strftime(String(fmt), this));
      case 'isoformat':
        return new JinjaCallable('isoformat', () => this.pythonStr().replace(' ', 'T'));
      case 'timestamp':
        return new JinjaCallable('timestamp', () => makeFloat(this.micros / 1e6));
      case 'weekday':
        return new JinjaCallable('weekday', () => (d.getUTCDay() + 6) % 7);
      default:
        return undefined;
    }
  }

  pythonStr(): string {
    const d = this.date;
    const base = `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
    return this.microsecond ? `${base}.${String(this.microsecond).padStart(6, '0')}` : base;
  }

  pythonRepr(): string {
    const d = this.date;
    const fields = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
    if (d.getUTCSeconds() || this.microsecond) fields.push(d.getUTCSeconds());
    if (this.microsecond) fields.push(this.microsecond);
    return `datetime.datetime(${fields.join(', ')})`;
  }

  arithmetic(op: '+' | '-', other: unknown, reflected: boolean): unknown {
    if (other instanceof PyDateTime && op === '-') return new PyTimedelta(reflected ? other.micros - this.micros : this.micros - other.micros);
    if (other instanceof PyTimedelta && !(reflected && op === '-')) return new PyDateTime(op === '+' ? this.micros + other.micros : this.micros - other.micros);
    return undefined;
  }

  compareTo(other: unknown): number | undefined {
    return other instanceof PyDateTime ? this.micros - other.micros : undefined;
  }
}

/** Python's timedelta: days, seconds, microseconds, total_seconds(). */
export class PyTimedelta extends PyObject {
  readonly pythonType = 'timedelta';

  constructor(readonly micros: number) {
    super();
  }

  private parts(): { days: number; seconds: number; microseconds: number } {
    const days = Math.floor(this.micros / US_PER_DAY);
    const rest = this.micros - days * US_PER_DAY;
    return { days, seconds: Math.floor(rest / 1e6), microseconds: rest % 1e6 };
  }

  attribute(name: string): unknown {
    const p = this.parts();
    if (name === 'days') return p.days;
    if (name === 'seconds') return p.seconds;
    if (name === 'microseconds') return p.microseconds;
    if (name === 'total_seconds') return new JinjaCallable('total_seconds', () => makeFloat(this.micros / 1e6));
    return undefined;
  }

  pythonStr(): string {
    const { days, seconds, microseconds } = this.parts();
    const clock = `${Math.floor(seconds / 3600)}:${two(Math.floor((seconds % 3600) / 60))}:${two(seconds % 60)}${microseconds ? '.' + String(microseconds).padStart(6, '0') : ''}`;
    return days ? `${days} day${Math.abs(days) === 1 ? '' : 's'}, ${clock}` : clock;
  }

  pythonRepr(): string {
    const { days, seconds, microseconds } = this.parts();
    const fields = [days && `days=${days}`, seconds && `seconds=${seconds}`, microseconds && `microseconds=${microseconds}`].filter(Boolean);
    return `datetime.timedelta(${fields.join(', ')})`;
  }

  arithmetic(op: '+' | '-', other: unknown, reflected: boolean): unknown {
    if (other instanceof PyTimedelta) {
      const value = op === '+' ? this.micros + other.micros : reflected ? other.micros - this.micros : this.micros - other.micros;
      return new PyTimedelta(value);
    }
    return undefined;
  }

  compareTo(other: unknown): number | undefined {
    return other instanceof PyTimedelta ? this.micros - other.micros : undefined;
  }
}

/** C strftime codes Python passes through (glibc), over the naive wall-clock fields. */
export function strftime(format: string, dt: PyDateTime): string {
  const d = new Date(Math.floor(dt.micros / 1000));
  const Y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  const H = d.getUTCHours();
  const M = d.getUTCMinutes();
  const S = d.getUTCSeconds();
  const wd = d.getUTCDay();
  const yday = Math.floor((Date.UTC(Y, m, day) - Date.UTC(Y, 0, 1)) / 86_400_000) + 1;
  return format.replace(/%([a-zA-Z%])/g, (whole, code: string) => {
    switch (code) {
      case 'Y': return String(Y);
      case 'y': return two(Y % 100);
      case 'm': return two(m + 1);
      case 'd': return two(day);
      case 'e': return String(day).padStart(2, ' ');
      case 'H': return two(H);
      case 'I': return two(H % 12 || 12);
      case 'M': return two(M);
      case 'S': return two(S);
      case 'f': return String(dt.microsecond).padStart(6, '0');
      case 'p': return H < 12 ? 'AM' : 'PM';
      case 'a': return (DAYS[wd] ?? '').slice(0, 3);
      case 'A': return DAYS[wd] ?? '';
      case 'b': case 'h': return (MONTHS[m] ?? '').slice(0, 3);
      case 'B': return MONTHS[m] ?? '';
      case 'j': return String(yday).padStart(3, '0');
      case 'w': return String(wd);
      case 'u': return String(wd || 7);
      case 'F': return `${Y}-${two(m + 1)}-${two(day)}`;
      case 'T': return `${two(H)}:${two(M)}:${two(S)}`;
      case 'D': return `${two(m + 1)}/${two(day)}/${two(Y % 100)}`;
      case 'R': return `${two(H)}:${two(M)}`;
      case 's': return String(Math.floor(new Date(Y, m, day, H, M, S).getTime() / 1000));
      case 'z': case 'Z': return '';
      case 'n': return '\n';
      case 't': return '\t';
      case '%': return '%';
      default: return whole;
    }
  });
}

const MONTH_ABBR = MONTHS.map((name) => name.slice(0, 3).toLowerCase());

/** Python's datetime.strptime for the common codes: Y y m d H I M S f p b B j and literals. */
export function strptime(text: string, format: string): PyDateTime {
  const fields = { Y: 1900, m: 1, d: 1, H: 0, M: 0, S: 0, f: 0, pm: undefined as boolean | undefined };
  let pos = 0;
  const fail = (): never => {
    throw new TemplateRuntimeError(`time data '${text}' does not match format '${format}'`);
  };
  const digits = (max: number): number => {
    const m = new RegExp(`^\\d{1,${max}}`).exec(text.slice(pos));
    if (!m) return fail();
    pos += m[0].length;
    return Number(m[0]);
  };
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c !== '%') {
      if (c === ' ' ? !/\s/.test(text[pos] ?? '') : text[pos] !== c) fail();
      pos++;
      continue;
    }
    const code = format[++i];
    switch (code) {
      case 'Y': fields.Y = digits(4); break;
      case 'y': { const y = digits(2); fields.Y = y < 69 ? 2000 + y : 1900 + y; break; }
      case 'm': fields.m = digits(2); break;
      case 'd': fields.d = digits(2); break;
      case 'H': fields.H = digits(2); break;
      case 'I': fields.H = digits(2); break;
      case 'M': fields.M = digits(2); break;
      case 'S': fields.S = digits(2); break;
      case 'f': { const start = pos; const v = digits(6); fields.f = v * 10 ** (6 - (pos - start)); break; }
      case 'j': { const yday = digits(3); fields.m = 1; fields.d = yday; break; }
      case 'p': {
        const ampm = text.slice(pos, pos + 2).toUpperCase();
        if (ampm !== 'AM' && ampm !== 'PM') fail();
        fields.pm = ampm === 'PM';
        pos += 2;
        break;
      }
      case 'b': case 'B': {
        const rest = text.slice(pos).toLowerCase();
        const idx = MONTHS.findIndex((name) => rest.startsWith(name.toLowerCase()));
        const abbr = MONTH_ABBR.findIndex((name) => rest.startsWith(name));
        const found = code === 'B' && idx >= 0 ? idx : abbr;
        if (found < 0) fail();
        pos += code === 'B' && idx >= 0 ? (MONTHS[idx] ?? '').length : 3;
        fields.m = found + 1;
        break;
      }
      case '%': if (text[pos] !== '%') fail(); pos++; break;
      default: throw new TemplateRuntimeError(`'${code ?? ''}' is a bad directive in format '${format}'`);
    }
  }
  if (pos !== text.length) throw new TemplateRuntimeError(`unconverted data remains: ${text.slice(pos)}`);
  if (fields.pm !== undefined) fields.H = (fields.H % 12) + (fields.pm ? 12 : 0);
  const ms = Date.UTC(fields.Y, fields.m - 1, fields.d, fields.H, fields.M, fields.S);
  return new PyDateTime(ms * 1000 + fields.f);
}
