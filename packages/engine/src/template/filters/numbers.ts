import type { FilterDef } from '../jinja/environment.js';
import { TemplateRuntimeError } from '../jinja/runtime-error.js';
import { plain } from '../python/compare.js';
import { isFloatValue, makeFloat } from '../python/float.js';
import { pythonStr } from '../python/repr.js';
import { pyTruthy } from '../python/truthy.js';
import { arg } from '../call-args.js';

function num(v: unknown, what: string): number {
  const n = plain(v);
  if (typeof n === 'number') return n;
  if (typeof n === 'boolean') return n ? 1 : 0;
  if (typeof n === 'string' && n.trim() !== '' && !Number.isNaN(Number(n))) return Number(n);
  throw new TemplateRuntimeError(`${what}: expected a number, got ${pythonStr(v)}`);
}

/** Python's round(): half to even. */
function roundHalfEven(x: number, digits: number): number {
  const f = 10 ** digits;
  const y = x * f;
  const r = Math.round(y);
  const isHalf = Math.abs(y % 1) === 0.5;
  return (isHalf ? (r % 2 === 0 ? r : r - 1) : r) / f;
}

const PREFIXES = ['', 'K', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];

/** Ansible's human_readable: 1536 -> '1.50 KB', bits -> 'b'. */
export function humanReadable(size: number, isbits: boolean, unit: string | null): string {
  const suffix = isbits ? 'b' : 'B';
  const base = 1024;
  let idx = 0;
  if (unit !== null) idx = Math.max(0, PREFIXES.indexOf(unit.toUpperCase().replace(/B$/, '')));
  else while (idx < PREFIXES.length - 1 && size >= base ** (idx + 1)) idx++;
  const value = size / base ** idx;
  const prefix = PREFIXES[idx] ?? '';
  const label = prefix === '' ? (isbits ? 'bits' : 'Bytes') : `${prefix}${suffix}`;
  return `${value.toFixed(2)} ${label}`;
}

/** Ansible's human_to_bytes: '1.5K' -> 1536, isbits reads 'Mb'. */
export function humanToBytes(text: string, defaultUnit: string | null, isbits: boolean): number {
  const m = /^\s*(\d*\.?\d*)\s*([A-Za-z]+)?\s*$/.exec(text);
  if (!m || m[1] === '') throw new TemplateRuntimeError(`human_to_bytes() can't interpret following string: ${text}`);
  const n = Number(m[1]);
  const unitText = m[2] ?? defaultUnit ?? '';
  if (unitText === '') return Math.round(n);
  const prefix = unitText[0]?.toUpperCase() ?? '';
  const idx = prefix === 'B' ? 0 : PREFIXES.indexOf(prefix);
  if (idx < 0) throw new TemplateRuntimeError(`human_to_bytes() failed to convert ${text}. Value is not a valid string (expected one of ${PREFIXES.slice(1).join(', ')})`);
  const rest = unitText.slice(1);
  if (isbits && rest !== '' && rest !== 'b' && rest !== 'bit') throw new TemplateRuntimeError(`human_to_bytes() failed to convert ${text}: expected a bit unit`);
  return Math.round(n * 1024 ** idx);
}

export const numberFilters: Record<string, FilterDef> = {
  abs: { fn: (v) => (isFloatValue(v) ? makeFloat(Math.abs(num(v, 'abs'))) : Math.abs(num(v, 'abs'))) },
  round: {
    fn: (v, args, kw) => {
      const precision = Number(arg(args, kw, 0, 'precision', 0));
      const method = pythonStr(arg(args, kw, 1, 'method', 'common'));
      const x = num(v, 'round');
      const f = 10 ** precision;
      if (method === 'ceil') return makeFloat(Math.ceil(x * f) / f);
      if (method === 'floor') return makeFloat(Math.floor(x * f) / f);
      // 'common' is Python's round(): half to even; an int stays an int.
      if (typeof plain(v) === 'number' && !isFloatValue(v)) return x;
      return makeFloat(roundHalfEven(x, precision));
    },
  },
  human_readable: {
    fn: (v, args, kw) => humanReadable(num(v, 'human_readable'), pyTruthy(arg(args, kw, 0, 'isbits', false)), (arg(args, kw, 1, 'unit', null) as string | null)),
  },
  human_to_bytes: {
    fn: (v, args, kw) => humanToBytes(pythonStr(plain(v)), arg(args, kw, 0, 'default_unit', null) as string | null, pyTruthy(arg(args, kw, 1, 'isbits', false))),
  },
  log: { fn: (v, args) => makeFloat(args.length ? Math.log(num(v, 'log')) / Math.log(num(args[0], 'log')) : Math.log(num(v, 'log'))) },
  pow: { fn: (v, [y]) => makeFloat(num(v, 'pow') ** num(y, 'pow')) },
  root: { fn: (v, args) => makeFloat(num(v, 'root') ** (1 / (args.length ? num(args[0], 'root') : 2))) },
};
