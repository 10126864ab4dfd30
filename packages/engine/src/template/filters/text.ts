import type { FilterDef } from '../jinja/environment.js';
import { iterate } from '../jinja/renderer.js';
import { pySplit, pythonMethod } from '../python/methods.js';
import { plain } from '../python/compare.js';
import { pythonStr } from '../python/repr.js';
import { pyTruthy } from '../python/truthy.js';
import { percentFormat } from '../python/format.js';
import { arg, toText } from '../call-args.js';

/** Python's shlex.quote, which Ansible's quote filter uses. */
export function shellQuote(s: string): string {
  if (s === '') return "''";
  if (/^[\w@%+=:,./-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, `'"'"'`)}'`;
}

function strMethod(name: string) {
  return (v: unknown, args: unknown[], kw: Record<string, unknown>): unknown => pythonMethod(pythonStr(plain(v)), name, 'str')?.fn(args, kw);
}

function indent(value: unknown, args: unknown[], kw: Record<string, unknown>): string {
  const text = pythonStr(plain(value));
  const width = arg(args, kw, 0, 'width', 4);
  const pad = typeof width === 'string' ? width : ' '.repeat(Number(width));
  const first = pyTruthy(arg(args, kw, 1, 'first', false));
  const blank = pyTruthy(arg(args, kw, 2, 'blank', false));
  const lines = text.split('\n');
  const out = lines.map((line, i) => {
    if (i === 0 && !first) return line;
    if (!blank && line.trim() === '') return line;
    return pad + line;
  });
  return out.join('\n');
}

export const textFilters: Record<string, FilterDef> = {
  lower: { fn: (v) => pythonStr(plain(v)).toLowerCase() },
  upper: { fn: (v) => pythonStr(plain(v)).toUpperCase() },
  capitalize: { fn: strMethod('capitalize') },
  title: { fn: strMethod('title') },
  trim: { fn: (v, args, kw) => pythonMethod(pythonStr(plain(v)), 'strip', 'str')?.fn([arg(args, kw, 0, 'chars', null)], {}) },
  center: { fn: (v, args, kw) => pythonMethod(pythonStr(plain(v)), 'center', 'str')?.fn([arg(args, kw, 0, 'width', 80)], {}) },
  replace: {
    fn: (v, args, kw) => {
      const count = arg(args, kw, 2, 'count', null);
      return pythonMethod(pythonStr(plain(v)), 'replace', 'str')?.fn(count === null ? args.slice(0, 2) : [args[0], args[1], count], {});
    },
  },
  split: { fn: (v, args, kw) => pySplit(toText(v, 'split'), arg(args, kw, 0, 'sep', null), arg(args, kw, 1, 'maxsplit', null)) },
  join: {
    fn: (v, args, kw) => {
      const sep = pythonStr(plain(arg(args, kw, 0, 'd', '')));
      const attribute = arg(args, kw, 1, 'attribute', null);
      return iterate(v).map((item) => pythonStr(attribute === null ? item : (item as Record<string, unknown>)[String(attribute)])).join(sep);
    },
  },
  indent: { fn: indent },
  wordcount: { fn: (v) => (pythonStr(plain(v)).match(/\w+/g) ?? []).length },
  quote: { fn: (v) => shellQuote(pythonStr(plain(v))) },
  format: { fn: (v, args, kw) => percentFormat(toText(v, 'format'), Object.keys(kw).length > 0 ? kw : args) },
  truncate: {
    fn: (v, args, kw) => {
      const s = pythonStr(plain(v));
      const length = Number(arg(args, kw, 0, 'length', 255));
      const killwords = pyTruthy(arg(args, kw, 1, 'killwords', false));
      const end = pythonStr(arg(args, kw, 2, 'end', '...'));
      const leeway = Number(arg(args, kw, 3, 'leeway', 5));
      if (s.length <= length + leeway) return s;
      if (killwords) return s.slice(0, length - end.length) + end;
      const cut = s.slice(0, length - end.length);
      const lastSpace = cut.lastIndexOf(' ');
      return (lastSpace >= 0 ? cut.slice(0, lastSpace) : cut) + end;
    },
  },
};
