import type { CallContext, FilterDef } from '../jinja/environment.js';
import { getItem } from '../jinja/member.js';
import { iterate } from '../jinja/renderer.js';
import { TemplateRuntimeError } from '../jinja/runtime-error.js';
import { Undefined } from '../jinja/undefined.js';
import { plain, pyCompare, pyEquals } from '../python/compare.js';
import { pyAdd } from '../python/operators.js';
import { isPlainMapping, pythonStr } from '../python/repr.js';
import { pyTruthy } from '../python/truthy.js';
import { tuple } from '../python/tuple.js';
import { arg } from '../call-args.js';

/** attribute='a.b.0' as Jinja's make_attrgetter: dotted path, integer parts index lists. */
export function attributePath(item: unknown, path: unknown): unknown {
  let v = item;
  for (const part of String(plain(path)).split('.')) v = /^\d+$/.test(part) ? getItem(v, Number(part)) : getItem(v, part);
  return v;
}

function uniqueList(items: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const item of items) if (!out.some((o) => pyEquals(o, item))) out.push(item);
  return out;
}

function contains(items: unknown[], x: unknown): boolean {
  return items.some((i) => pyEquals(i, x));
}

/** Sort key with case folding for strings unless case_sensitive. */
function sortKey(value: unknown, caseSensitive: boolean): unknown {
  const v = plain(value);
  return !caseSensitive && typeof v === 'string' ? v.toLowerCase() : v;
}

export function sortFilter(value: unknown, args: unknown[], kwargs: Record<string, unknown>): unknown[] {
  const reverse = pyTruthy(arg(args, kwargs, 0, 'reverse', false));
  const caseSensitive = pyTruthy(arg(args, kwargs, 1, 'case_sensitive', false));
  const attribute = arg(args, kwargs, 2, 'attribute', null);
  const keyed = iterate(value).map((item) => ({ item, key: sortKey(attribute === null ? item : attributePath(item, attribute), caseSensitive) }));
  keyed.sort((a, b) => pyCompare(a.key, b.key) * (reverse ? -1 : 1));
  return keyed.map((k) => k.item);
}

function flatten(items: unknown[], levels: number | null, skipNulls: boolean): unknown[] {
  const out: unknown[] = [];
  for (const item of items) {
    const v = plain(item);
    if (skipNulls && (v === null || v === 'None')) continue;
    if (Array.isArray(v) && (levels === null || levels > 0)) out.push(...flatten(v, levels === null ? null : levels - 1, skipNulls));
    else out.push(item);
  }
  return out;
}

function extreme(value: unknown, args: unknown[], kwargs: Record<string, unknown>, sign: 1 | -1): unknown {
  const attribute = arg(args, kwargs, 0, 'attribute', null);
  const caseSensitive = pyTruthy(arg(args, kwargs, 1, 'case_sensitive', false));
  const items = iterate(value);
  if (items.length === 0) return new Undefined(`No aggregated item, sequence was empty.`);
  let best = items[0];
  for (const item of items.slice(1)) {
    const a = sortKey(attribute === null ? item : attributePath(item, attribute), caseSensitive);
    const b = sortKey(attribute === null ? best : attributePath(best, attribute), caseSensitive);
    if (pyCompare(a, b) * sign < 0) best = item;
  }
  return best;
}

/** map/select/reject share Jinja's calling convention: a filter or test name plus its args. */
function mapFilter(value: unknown, args: unknown[], kwargs: Record<string, unknown>, ctx: CallContext): unknown[] {
  const items = iterate(value);
  if ('attribute' in kwargs) {
    const fallback = kwargs['default'];
    return items.map((item) => {
      const v = attributePath(item, kwargs['attribute']);
      return v instanceof Undefined && fallback !== undefined ? fallback : v;
    });
  }
  if (args.length === 0) throw new TemplateRuntimeError('map requires a filter argument');
  const name = pythonStr(plain(args[0]));
  return items.map((item) => ctx.filter(name, item, args.slice(1), kwargs));
}

function selectLike(attr: boolean, keep: boolean) {
  return (value: unknown, args: unknown[], kwargs: Record<string, unknown>, ctx: CallContext): unknown[] => {
    const rest = attr ? args.slice(1) : args;
    return iterate(value).filter((item) => {
      const subject = attr ? attributePath(item, args[0]) : item;
      const ok = rest.length === 0 ? pyTruthy(subject) : ctx.test(pythonStr(plain(rest[0])), subject, rest.slice(1), kwargs);
      return ok === keep;
    });
  };
}

function zipLists(lists: unknown[][], longest: boolean, fill: unknown): unknown[] {
  const len = longest ? Math.max(...lists.map((l) => l.length)) : Math.min(...lists.map((l) => l.length));
  return Array.from({ length: len }, (_, i) => tuple(lists.map((l) => (i < l.length ? l[i] : fill))));
}

export function cartesian(lists: unknown[][]): unknown[][] {
  return lists.reduce<unknown[][]>((acc, list) => acc.flatMap((prefix) => list.map((x) => [...prefix, x])), [[]]);
}

function groupby(value: unknown, args: unknown[], kwargs: Record<string, unknown>): unknown[] {
  const attribute = arg(args, kwargs, 0, 'attribute');
  const groups: Array<{ key: unknown; list: unknown[] }> = [];
  for (const item of sortFilter(value, [], { attribute })) {
    const key = attributePath(item, attribute);
    const last = groups[groups.length - 1];
    if (last && pyEquals(last.key, key)) last.list.push(item);
    else groups.push({ key, list: [item] });
  }
  return groups.map((g) => tuple([g.key, g.list]));
}

export const listFilters: Record<string, FilterDef> = {
  length: { fn: (v) => iterate(v).length },
  count: { fn: (v) => iterate(v).length },
  first: { fn: (v) => (iterate(v).length ? iterate(v)[0] : new Undefined('No first item, sequence was empty.')) },
  last: {
    fn: (v) => {
      const items = iterate(v);
      return items.length ? items[items.length - 1] : new Undefined('No last item, sequence was empty.');
    },
  },
  reverse: { fn: (v) => (typeof plain(v) === 'string' ? [...String(plain(v))].reverse().join('') : [...iterate(v)].reverse()) },
  unique: { fn: (v) => uniqueList(iterate(v)) },
  union: { fn: (v, [other]) => uniqueList([...iterate(v), ...iterate(other)]) },
  intersect: { fn: (v, [other]) => uniqueList(iterate(v).filter((x) => contains(iterate(other), x))) },
  difference: { fn: (v, [other]) => uniqueList(iterate(v).filter((x) => !contains(iterate(other), x))) },
  symmetric_difference: {
    fn: (v, [other]) => {
      const a = iterate(v);
      const b = iterate(other);
      return uniqueList([...a.filter((x) => !contains(b, x)), ...b.filter((x) => !contains(a, x))]);
    },
  },
  sort: { fn: sortFilter },
  min: { fn: (v, args, kw) => extreme(v, args, kw, 1) },
  max: { fn: (v, args, kw) => extreme(v, args, kw, -1) },
  sum: {
    fn: (v, args, kw) => {
      const attribute = arg(args, kw, 0, 'attribute', null);
      let total: unknown = arg(args, kw, 1, 'start', 0);
      for (const item of iterate(v)) total = pyAdd(total, attribute === null ? item : attributePath(item, attribute));
      return total;
    },
  },
  flatten: {
    fn: (v, args, kw) => {
      const levels = arg(args, kw, 0, 'levels', null);
      return flatten(iterate(v), levels === null ? null : Number(levels), pyTruthy(arg(args, kw, 1, 'skip_nulls', true)));
    },
  },
  map: { fn: mapFilter },
  select: { fn: selectLike(false, true) },
  reject: { fn: selectLike(false, false) },
  selectattr: { fn: selectLike(true, true) },
  rejectattr: { fn: selectLike(true, false) },
  zip: { fn: (v, args) => zipLists([iterate(v), ...args.map((a) => iterate(a))], false, null) },
  zip_longest: { fn: (v, args, kw) => zipLists([iterate(v), ...args.map((a) => iterate(a))], true, kw['fillvalue'] ?? null) },
  product: { fn: (v, args) => cartesian([iterate(v), ...args.map((a) => iterate(a))]).map((t) => tuple(t)) },
  batch: {
    fn: (v, args, kw) => {
      const size = Number(arg(args, kw, 0, 'linecount'));
      const fill = arg(args, kw, 1, 'fill_with', null);
      const items = iterate(v);
      const out: unknown[][] = [];
      for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
      const last = out[out.length - 1];
      if (fill !== null && last) while (last.length < size) last.push(fill);
      return out;
    },
  },
  slice: {
    fn: (v, args, kw) => {
      const slices = Number(arg(args, kw, 0, 'slices'));
      const items = iterate(v);
      const per = Math.floor(items.length / slices);
      const extra = items.length % slices;
      const out: unknown[][] = [];
      let offset = 0;
      for (let i = 0; i < slices; i++) {
        const n = per + (i < extra ? 1 : 0);
        out.push(items.slice(offset, offset + n));
        offset += n;
      }
      return out;
    },
  },
  groupby: { fn: groupby },
  dictsort: {
    fn: (v, args, kw) => {
      if (!isPlainMapping(v)) throw new TemplateRuntimeError('You can only sort by either "key" or "value"');
      const caseSensitive = pyTruthy(arg(args, kw, 0, 'case_sensitive', false));
      const byValue = arg(args, kw, 1, 'by', 'key') === 'value';
      const reverse = pyTruthy(arg(args, kw, 2, 'reverse', false));
      const pairs = Object.entries(v).map((p) => tuple(p));
      pairs.sort((a, b) => pyCompare(sortKey(a[byValue ? 1 : 0], caseSensitive), sortKey(b[byValue ? 1 : 0], caseSensitive)) * (reverse ? -1 : 1));
      return pairs;
    },
  },
  items: { fn: (v) => (isPlainMapping(v) ? Object.entries(v).map((p) => tuple(p)) : []) },
};
