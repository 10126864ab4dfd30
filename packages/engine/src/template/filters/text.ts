import type { FilterDef } from '../jinja/environment.js';
import { iterate } from '../jinja/renderer.js';
import { pySplit, pythonMethod } from '../python/methods.js';
import { plain } from '../python/compare.js';
import { pythonStr } from '../python/repr.js';
import { pyTruthy } from '../python/truthy.js';
import { percentFormat } from '../python/format.js';
import { arg, toText } from '../call-args.js';
import { TemplateRuntimeError } from '../jinja/runtime-error.js';

/**
 * Python's shlex.quote, which Ansible's quote filter uses: its output is text
 * the user puts in their own commands, so it must match Ansible character for
 * character ('"'"' for a quote). tsible's own shell words use connection/quote.ts.
 */
export function shlexQuote(s: string): string {
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

/** Jinja's wordwrap (textwrap.wrap per paragraph line). */
function wordwrap(value: unknown, args: unknown[], kw: Record<string, unknown>): string {
  const width = Number(arg(args, kw, 0, 'width', 79));
  const breakLong = pyTruthy(arg(args, kw, 1, 'break_long_words', true));
  const wrapstring = pythonStr(arg(args, kw, 2, 'wrapstring', '\n'));
  const breakOnHyphens = pyTruthy(arg(args, kw, 3, 'break_on_hyphens', true));
  const wrapLine = (line: string): string[] => {
    const words = line.split(/\s+/).filter(Boolean).flatMap((w) => (breakOnHyphens ? w.split(/(?<=-)(?=[^-])/) : [w]));
    const lines: string[] = [];
    let cur = '';
    for (let word of words) {
      const glue = cur === '' || cur.endsWith('-') ? '' : ' ';
      if ((cur + glue + word).length <= width) {
        cur += glue + word;
        continue;
      }
      if (cur !== '') lines.push(cur);
      cur = '';
      while (breakLong && word.length > width) {
        lines.push(word.slice(0, width));
        word = word.slice(width);
      }
      cur = word;
    }
    if (cur !== '') lines.push(cur);
    return lines;
  };
  return pythonStr(plain(value)).split(/\r\n|\r|\n/).map((line) => wrapLine(line).join(wrapstring)).join(wrapstring);
}

/** Jinja's filesizeformat: decimal (kB) or binary (KiB) units. */
function filesizeformat(value: unknown, args: unknown[], kw: Record<string, unknown>): string {
  const bytes = Number(plain(value));
  const binary = pyTruthy(arg(args, kw, 0, 'binary', false));
  const base = binary ? 1024 : 1000;
  const prefixes = binary ? ['KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'] : ['kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
  if (bytes === 1) return '1 Byte';
  if (bytes < base) return `${bytes} Bytes`;
  let unit = base;
  for (let i = 0; i < prefixes.length; i++) {
    unit = base ** (i + 2);
    if (bytes < unit || i === prefixes.length - 1) return `${((base * bytes) / unit).toFixed(1)} ${prefixes[i] ?? ''}`;
  }
  return `${bytes} Bytes`;
}

const COMMENT_STYLES: Record<string, { beginning?: string; decoration: string; end?: string }> = {
  plain: { decoration: '# ' },
  erlang: { decoration: '% ' },
  c: { decoration: '// ' },
  cblock: { beginning: '/*', decoration: ' * ', end: ' */' },
  xml: { beginning: '<!--', decoration: ' - ', end: '-->' },
};

/** Ansible's comment filter: decorate each line, with style-specific prefix/postfix lines. */
function comment(value: unknown, args: unknown[], kw: Record<string, unknown>): string {
  const style = COMMENT_STYLES[pythonStr(arg(args, kw, 0, 'style', 'plain'))];
  if (!style) throw new TemplateRuntimeError(`unknown comment style ${pythonStr(args[0])}`);
  const prepostfix = kw['decoration'] !== undefined ? pythonStr(kw['decoration']) : style.decoration;
  const opt = (name: string, fallback: string): string => (kw[name] !== undefined ? pythonStr(plain(kw[name])) : fallback);
  const newline = opt('newline', '\n');
  const beginning = opt('beginning', style.beginning ?? '');
  const prefix = opt('prefix', prepostfix.trimEnd());
  const prefixCount = Number(opt('prefix_count', '1'));
  const decoration = opt('decoration', style.decoration);
  const postfix = opt('postfix', prepostfix.trimEnd());
  const postfixCount = Number(opt('postfix_count', '1'));
  const end = opt('end', style.end ?? '');
  const text = pythonStr(plain(value));
  const strBeginning = beginning ? beginning + newline : '';
  const strPrefix = prefix ? (prefix !== newline ? prefix + newline : newline).repeat(prefixCount) : '';
  const body = (decoration + text.split(newline).join(newline + decoration)).split(decoration + newline).join(decoration.trimEnd() + newline);
  const strPostfix = ['', ...Array.from({ length: postfixCount }, () => postfix)].join(newline);
  const strEnd = end ? newline + end : '';
  return strBeginning + strPrefix + body + strPostfix + strEnd;
}

export const textFilters: Record<string, FilterDef> = {
  wordwrap: { fn: wordwrap },
  filesizeformat: { fn: filesizeformat },
  comment: { fn: comment },
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
  quote: { fn: (v) => shlexQuote(pythonStr(plain(v))) },
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
