import { TemplateRuntimeError } from '../jinja/runtime-error.js';
import { plain } from './compare.js';
import { isFloatValue } from './float.js';
import { floatRepr, isPlainMapping, pythonRepr, pythonStr } from './repr.js';

function pad(text: string, width: number, flags: string): string {
  if (text.length >= width) return text;
  if (flags.includes('-')) return text.padEnd(width);
  if (flags.includes('0') && /^[-+]?[0-9]/.test(text)) {
    const sign = /^[-+]/.test(text) ? text[0] : '';
    return sign + text.slice(sign.length).padStart(width - sign.length, '0');
  }
  return text.padStart(width);
}

function toNumber(value: unknown, conv: string): number {
  const v = plain(value);
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw new TemplateRuntimeError(`%${conv} format: a real number is required, not ${typeof v === 'string' ? 'str' : 'object'}`);
}

function signed(text: string, n: number, flags: string): string {
  if (n >= 0 && flags.includes('+')) return '+' + text;
  if (n >= 0 && flags.includes(' ')) return ' ' + text;
  return text;
}

/** One `%` conversion: s r d i f F e E g G x X o c. */
export function formatOne(conv: string, value: unknown, flags: string, width: number, precision: number | undefined): string {
  let text: string;
  switch (conv) {
    case 's':
      text = pythonStr(value);
      if (precision !== undefined) text = text.slice(0, precision);
      break;
    case 'r':
      text = pythonRepr(value);
      break;
    case 'd':
    case 'i': {
      const n = Math.trunc(toNumber(value, conv));
      text = signed(String(n), n, flags);
      break;
    }
    case 'f':
    case 'F': {
      const n = toNumber(value, conv);
      text = signed(n.toFixed(precision ?? 6), n, flags);
      break;
    }
    case 'e':
    case 'E': {
      const n = toNumber(value, conv);
      text = n.toExponential(precision ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
      text = signed(conv === 'E' ? text.toUpperCase() : text, n, flags);
      break;
    }
    case 'g':
    case 'G': {
      const n = toNumber(value, conv);
      const p = precision === 0 ? 1 : precision ?? 6;
      const exp = n === 0 ? 0 : Math.floor(Math.log10(Math.abs(n)));
      text = exp < -4 || exp >= p ? n.toExponential(p - 1).replace(/\.?0+e/, 'e').replace(/e([+-])(\d)$/, 'e$10$2') : String(Number(n.toPrecision(p)));
      text = signed(conv === 'G' ? text.toUpperCase() : text, n, flags);
      break;
    }
    case 'x':
    case 'X':
    case 'o': {
      const n = Math.trunc(toNumber(value, conv));
      text = Math.abs(n).toString(conv === 'o' ? 8 : 16);
      if (flags.includes('#')) text = (conv === 'o' ? '0o' : '0x') + text;
      text = (n < 0 ? '-' : '') + (conv === 'X' ? text.toUpperCase() : text);
      break;
    }
    case 'c': {
      const v = plain(value);
      text = typeof v === 'number' ? String.fromCodePoint(v) : pythonStr(v);
      break;
    }
    default:
      throw new TemplateRuntimeError(`unsupported format character '${conv}'`);
  }
  return pad(text, width, flags);
}

const PERCENT = /%(?:\(([^)]*)\))?([-+ #0]*)(\*|\d+)?(?:\.(\d+))?([a-zA-Z%])/g;

/** Python's `'fmt' % args` (printf-style formatting). */
export function percentFormat(fmt: string, args: unknown): string {
  const positional = Array.isArray(args) ? args : [args];
  const mapping = isPlainMapping(args) ? args : undefined;
  let index = 0;
  const out = fmt.replace(PERCENT, (_m, key: string | undefined, flags: string, width: string | undefined, prec: string | undefined, conv: string) => {
    if (conv === '%') return '%';
    let value: unknown;
    if (key !== undefined) {
      if (!mapping) throw new TemplateRuntimeError('format requires a mapping');
      if (!(key in mapping)) throw new TemplateRuntimeError(`'${key}'`);
      value = mapping[key];
    } else {
      if (index >= positional.length) throw new TemplateRuntimeError('not enough arguments for format string');
      value = positional[index++];
    }
    return formatOne(conv, value, flags, width === undefined || width === '*' ? 0 : Number(width), prec === undefined ? undefined : Number(prec));
  });
  if (!mapping && index < positional.length && Array.isArray(args)) {
    throw new TemplateRuntimeError('not all arguments converted during string formatting');
  }
  return out;
}

/** Python's format-spec mini language, for str.format: [[fill]align][sign][0][width][.precision][type]. */
export function formatSpec(value: unknown, spec: string): string {
  const m = /^(?:(.)?([<>^=]))?([-+ ])?(#)?(0)?(\d+)?(,)?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/.exec(spec);
  if (!m) throw new TemplateRuntimeError(`Invalid format specifier '${spec}'`);
  const [, fill = ' ', align, sign = '', , zero, widthText, comma, prec, type] = m;
  let text: string;
  const v = plain(value);
  if (type === undefined) {
    if (typeof v === 'number' && prec !== undefined) text = v.toFixed(Number(prec));
    else text = typeof v === 'number' && isFloatValue(value) ? floatRepr(v) : pythonStr(value);
    if (typeof v === 'string' && prec !== undefined) text = text.slice(0, Number(prec));
  } else if (type === '%') {
    text = (Number(v) * 100).toFixed(prec === undefined ? 6 : Number(prec)) + '%';
  } else if (type === 'b') {
    text = Math.trunc(Number(v)).toString(2);
  } else {
    text = formatOne(type === 'n' ? 'd' : type, value, sign, 0, prec === undefined ? undefined : Number(prec));
  }
  if (comma) text = text.replace(/^(-?\d+)/, (d) => d.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
  const width = widthText === undefined ? 0 : Number(widthText);
  if (text.length >= width) return text;
  const isNum = typeof v === 'number';
  const effectiveAlign = align ?? (zero ? '=' : isNum ? '>' : '<');
  const padChar = align ? fill : zero ? '0' : ' ';
  const gap = width - text.length;
  if (effectiveAlign === '<') return text + padChar.repeat(gap);
  if (effectiveAlign === '>') return padChar.repeat(gap) + text;
  if (effectiveAlign === '^') return padChar.repeat(Math.floor(gap / 2)) + text + padChar.repeat(Math.ceil(gap / 2));
  const signChar = /^[-+ ]/.test(text) ? text[0] : '';
  return signChar + padChar.repeat(gap) + text.slice(signChar.length);
}

/** Python's str.format with `{}`, `{0}`, `{name}`, `{name.attr}`-free fields and format specs. */
export function strFormat(fmt: string, args: unknown[], kwargs: Record<string, unknown>): string {
  let auto = 0;
  return fmt.replace(/\{\{|\}\}|\{([^{}:!]*)(?:!([rs]))?(?::([^{}]*))?\}/g, (m, field: string | undefined, conv: string | undefined, spec: string | undefined) => {
    if (m === '{{') return '{';
    if (m === '}}') return '}';
    let value: unknown;
    const name = field ?? '';
    if (name === '') value = args[auto++];
    else if (/^\d+$/.test(name)) value = args[Number(name)];
    else value = kwargs[name];
    if (value === undefined) throw new TemplateRuntimeError(name === '' || /^\d+$/.test(name) ? 'Replacement index out of range for positional args tuple' : `'${name}'`);
    if (conv === 'r') value = pythonRepr(value);
    return spec ? formatSpec(value, spec) : pythonStr(value);
  });
}
