import { JinjaCallable } from '../jinja/callable.js';
import { TemplateRuntimeError } from '../jinja/runtime-error.js';
import { ensureDefined } from '../jinja/undefined.js';
import { plain, pyCompare, pyEquals } from './compare.js';
import { strFormat } from './format.js';
import { pythonStr } from './repr.js';
import { pyTruthy } from './truthy.js';
import { tuple } from './tuple.js';
import { setItem } from './dict.js';

type Method = (self: never, args: unknown[], kwargs: Record<string, unknown>) => unknown;

function str(value: unknown): string {
  const v = plain(ensureDefined(value));
  if (typeof v !== 'string') throw new TemplateRuntimeError(`expected str, got ${typeof v}`);
  return v;
}

function stripChars(chars: unknown): string {
  return chars === undefined || chars === null ? ' \t\n\r\f\v' : str(chars);
}

function lstrip(s: string, chars: string): string {
  let i = 0;
  while (i < s.length && chars.includes(s[i] ?? '')) i++;
  return s.slice(i);
}

function rstrip(s: string, chars: string): string {
  let i = s.length;
  while (i > 0 && chars.includes(s[i - 1] ?? '')) i--;
  return s.slice(0, i);
}

/** Python's str.split: no separator splits on runs of whitespace and drops empties. */
export function pySplit(s: string, sep: unknown, maxsplit: unknown): string[] {
  const max = maxsplit === undefined || maxsplit === null ? -1 : Number(plain(maxsplit));
  if (sep === undefined || sep === null) {
    const parts: string[] = [];
    let rest = s.replace(/^\s+/, '');
    while (rest !== '') {
      if (max >= 0 && parts.length === max) {
        parts.push(rest);
        break;
      }
      const m = /\s+/.exec(rest);
      if (!m) {
        parts.push(rest);
        break;
      }
      parts.push(rest.slice(0, m.index));
      rest = rest.slice(m.index + m[0].length);
    }
    return parts;
  }
  const separator = str(sep);
  if (separator === '') throw new TemplateRuntimeError('empty separator');
  const all = s.split(separator);
  if (max < 0 || all.length <= max + 1) return all;
  return [...all.slice(0, max), all.slice(max).join(separator)];
}

function prefixTest(s: string, arg: unknown, test: (p: string) => boolean): boolean {
  const a = plain(arg);
  if (Array.isArray(a)) return a.some((p) => test(str(p)));
  return test(str(a));
}

const STRING_METHODS: Record<string, Method> = {
  upper: (s: string) => s.toUpperCase(),
  lower: (s: string) => s.toLowerCase(),
  title: (s: string) => s.replace(/[A-Za-z]+/g, (w) => w[0]?.toUpperCase() + w.slice(1).toLowerCase()),
  capitalize: (s: string) => (s === '' ? s : (s[0] ?? '').toUpperCase() + s.slice(1).toLowerCase()),
  swapcase: (s: string) => [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join(''),
  strip: (s: string, [chars]) => rstrip(lstrip(s, stripChars(chars)), stripChars(chars)),
  lstrip: (s: string, [chars]) => lstrip(s, stripChars(chars)),
  rstrip: (s: string, [chars]) => rstrip(s, stripChars(chars)),
  split: (s: string, [sep, max], kw) => pySplit(s, sep ?? kw['sep'], max ?? kw['maxsplit']),
  rsplit: (s: string, [sep, max], kw) => {
    const m = max ?? kw['maxsplit'];
    if (m === undefined || m === null || Number(m) < 0) return pySplit(s, sep ?? kw['sep'], undefined);
    const separator = str(sep ?? kw['sep'] ?? ' ');
    const parts = s.split(separator);
    const n = Number(plain(m));
    if (parts.length <= n + 1) return parts;
    return [parts.slice(0, parts.length - n).join(separator), ...parts.slice(parts.length - n)];
  },
  splitlines: (s: string) => s.split(/\r\n|\r|\n/).filter((_, i, all) => i < all.length - 1 || all[i] !== ''),
  startswith: (s: string, [prefix]) => prefixTest(s, prefix, (p) => s.startsWith(p)),
  endswith: (s: string, [suffix]) => prefixTest(s, suffix, (p) => s.endsWith(p)),
  replace: (s: string, [old, replacement, count]) => {
    const o = str(old);
    const r = str(replacement);
    const limit = count === undefined ? -1 : Number(plain(count));
    if (limit < 0) return s.split(o).join(r);
    let out = s;
    let from = 0;
    for (let i = 0; i < limit; i++) {
      const idx = out.indexOf(o, from);
      if (idx === -1) break;
      out = out.slice(0, idx) + r + out.slice(idx + o.length);
      from = idx + r.length;
    }
    return out;
  },
  find: (s: string, [sub]) => s.indexOf(str(sub)),
  rfind: (s: string, [sub]) => s.lastIndexOf(str(sub)),
  index: (s: string, [sub]) => {
    const i = s.indexOf(str(sub));
    if (i < 0) throw new TemplateRuntimeError('substring not found');
    return i;
  },
  count: (s: string, [sub]) => s.split(str(sub)).length - 1,
  join: (s: string, [items]) => {
    const list = plain(ensureDefined(items));
    if (!Array.isArray(list)) throw new TemplateRuntimeError('can only join an iterable');
    return list.map((x) => {
      const t = plain(x);
      if (typeof t !== 'string') throw new TemplateRuntimeError('sequence item: expected str instance');
      return t;
    }).join(s);
  },
  format: (s: string, args, kwargs) => strFormat(s, args, kwargs),
  isdigit: (s: string) => /^[0-9]+$/.test(s),
  isnumeric: (s: string) => /^[0-9]+$/.test(s),
  isalpha: (s: string) => /^[A-Za-z]+$/.test(s),
  isalnum: (s: string) => /^[A-Za-z0-9]+$/.test(s),
  isspace: (s: string) => /^\s+$/.test(s),
  isupper: (s: string) => /[A-Z]/.test(s) && s === s.toUpperCase(),
  islower: (s: string) => /[a-z]/.test(s) && s === s.toLowerCase(),
  zfill: (s: string, [width]) => {
    const w = Number(plain(width));
    const sign = /^[-+]/.test(s) ? s[0] ?? '' : '';
    return sign + s.slice(sign.length).padStart(w - sign.length, '0');
  },
  center: (s: string, [width, fill]) => {
    const w = Number(plain(width));
    const f = fill === undefined ? ' ' : str(fill);
    const gap = Math.max(0, w - s.length);
    const left = Math.floor(gap / 2) + (gap % 2 === 1 && w % 2 === 1 ? 1 : 0);
    return f.repeat(left) + s + f.repeat(gap - left);
  },
  ljust: (s: string, [width, fill]) => s.padEnd(Number(plain(width)), fill === undefined ? ' ' : str(fill)),
  rjust: (s: string, [width, fill]) => s.padStart(Number(plain(width)), fill === undefined ? ' ' : str(fill)),
  partition: (s: string, [sep]) => {
    const p = str(sep);
    const i = s.indexOf(p);
    return i < 0 ? [s, '', ''] : [s.slice(0, i), p, s.slice(i + p.length)];
  },
  encode: (s: string) => s,
  decode: (s: string) => s,
};

function list(value: unknown): unknown[] {
  return value as unknown[];
}

const LIST_METHODS: Record<string, Method> = {
  append: (l: unknown[], [x]) => {
    list(l).push(x);
    return null;
  },
  extend: (l: unknown[], [x]) => {
    const items = plain(ensureDefined(x));
    if (!Array.isArray(items)) throw new TemplateRuntimeError('extend() expects a list');
    l.push(...items);
    return null;
  },
  insert: (l: unknown[], [i, x]) => {
    l.splice(Number(plain(i)), 0, x);
    return null;
  },
  pop: (l: unknown[], [i]) => {
    if (l.length === 0) throw new TemplateRuntimeError('pop from empty list');
    const idx = i === undefined ? l.length - 1 : Number(plain(i));
    return l.splice(idx < 0 ? l.length + idx : idx, 1)[0];
  },
  remove: (l: unknown[], [x]) => {
    const idx = l.findIndex((y) => pyEquals(x, y));
    if (idx < 0) throw new TemplateRuntimeError('list.remove(x): x not in list');
    l.splice(idx, 1);
    return null;
  },
  index: (l: unknown[], [x]) => {
    const idx = l.findIndex((y) => pyEquals(x, y));
    if (idx < 0) throw new TemplateRuntimeError(`${pythonStr(x)} is not in list`);
    return idx;
  },
  count: (l: unknown[], [x]) => l.filter((y) => pyEquals(x, y)).length,
  reverse: (l: unknown[]) => {
    l.reverse();
    return null;
  },
  sort: (l: unknown[], _args, kw) => {
    l.sort(pyCompare);
    if (kw['reverse'] !== undefined && pyTruthy(kw['reverse'])) l.reverse();
    return null;
  },
  copy: (l: unknown[]) => [...l],
  clear: (l: unknown[]) => {
    l.length = 0;
    return null;
  },
};

type Dict = Record<string, unknown>;

const DICT_METHODS: Record<string, Method> = {
  items: (d: Dict) => Object.entries(d).map((pair) => tuple(pair)),
  keys: (d: Dict) => Object.keys(d),
  values: (d: Dict) => Object.values(d),
  get: (d: Dict, [key, fallback]) => {
    const k = pythonStr(plain(key));
    return Object.prototype.hasOwnProperty.call(d, k) ? d[k] : fallback === undefined ? null : fallback;
  },
  copy: (d: Dict) => ({ ...d }),
  update: (d: Dict, [other], kw) => {
    for (const [k, v] of [...Object.entries((other ?? {}) as Dict), ...Object.entries(kw)]) setItem(d, k, v);
    return null;
  },
  pop: (d: Dict, [key, fallback]) => {
    const k = pythonStr(plain(key));
    if (!Object.prototype.hasOwnProperty.call(d, k)) {
      if (fallback === undefined) throw new TemplateRuntimeError(`'${k}'`);
      return fallback;
    }
    const v = d[k];
    delete d[k];
    return v;
  },
  setdefault: (d: Dict, [key, fallback]) => {
    const k = pythonStr(plain(key));
    if (!Object.prototype.hasOwnProperty.call(d, k)) setItem(d, k, fallback === undefined ? null : fallback);
    return d[k];
  },
};

/** The bound Python method `value.name`, or undefined if the type has none. */
export function pythonMethod(value: unknown, name: string, kind: 'str' | 'list' | 'dict'): JinjaCallable | undefined {
  const table = kind === 'str' ? STRING_METHODS : kind === 'list' ? LIST_METHODS : DICT_METHODS;
  if (!Object.prototype.hasOwnProperty.call(table, name)) return undefined;
  const method = table[name] as Method;
  return new JinjaCallable(name, (args, kwargs) => method(value as never, args, kwargs));
}
