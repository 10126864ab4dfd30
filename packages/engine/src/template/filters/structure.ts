import type { FilterDef } from '../jinja/environment.js';
import { getItem } from '../jinja/member.js';
import { iterate } from '../jinja/renderer.js';
import { TemplateRuntimeError } from '../jinja/runtime-error.js';
import { plain } from '../python/compare.js';
import { isPlainMapping, pythonRepr, pythonStr } from '../python/repr.js';
import { pyTruthy } from '../python/truthy.js';
import { tuple } from '../python/tuple.js';
import { arg } from '../call-args.js';
import { setItem } from '../python/dict.js';

/** extract: container[item][morekeys...], the usual `map('extract', hostvars, 'ansible_host')`. */
export function extract(item: unknown, args: unknown[], kwargs: Record<string, unknown>): unknown {
  const container = arg(args, kwargs, 0, 'container');
  const more = arg(args, kwargs, 1, 'morekeys', null);
  const keys = more === null ? [item] : Array.isArray(more) ? [item, ...more] : [item, more];
  let value: unknown = container;
  for (const key of keys) value = getItem(value, plain(key));
  return value;
}

/** subelements filter: (element, value) pairs for each value of the dotted sub-list; the element is kept whole. */
export function subelements(obj: unknown, args: unknown[], kwargs: Record<string, unknown>): unknown[] {
  const elements = isPlainMapping(obj) ? Object.values(obj) : Array.isArray(obj) ? obj : undefined;
  if (!elements) throw new TemplateRuntimeError('obj must be a list of dicts or a nested dict');
  const spec = arg(args, kwargs, 0, 'subelements');
  const path = Array.isArray(spec) ? spec.map((p) => pythonStr(p)) : typeof spec === 'string' ? spec.split('.') : undefined;
  if (!path) throw new TemplateRuntimeError('subelements must be a list or a string');
  const skipMissing = pyTruthy(arg(args, kwargs, 1, 'skip_missing', false));
  const results: unknown[] = [];
  for (const element of elements) {
    let values: unknown = element;
    for (const key of path) {
      if (!isPlainMapping(values)) throw new TemplateRuntimeError(`the key ${key} should point to a dictionary, got '${pythonStr(values)}'`);
      if (!(key in values)) {
        if (skipMissing) {
          values = [];
          break;
        }
        throw new TemplateRuntimeError(`could not find ${pythonRepr(key)} key in iterated item ${pythonRepr(values)}`);
      }
      values = values[key];
    }
    if (!Array.isArray(values)) throw new TemplateRuntimeError(`the key ${pythonRepr(path.join('.'))} should point to a list, got ${pythonRepr(values)}`);
    for (const value of values) results.push(tuple([element, value]));
  }
  return results;
}

/** rekey_on_member: a dict keyed by each item's `key` member. */
export function rekeyOnMember(data: unknown, args: unknown[], kwargs: Record<string, unknown>): Record<string, unknown> {
  const key = pythonStr(arg(args, kwargs, 0, 'key'));
  const duplicates = pythonStr(arg(args, kwargs, 1, 'duplicates', 'error'));
  if (duplicates !== 'error' && duplicates !== 'overwrite') throw new TemplateRuntimeError(`duplicates parameter to rekey_on_member has unknown value: ${duplicates}`);
  if (typeof data === 'string') throw new TemplateRuntimeError('Type is not a valid list, set, or dict');
  const items = isPlainMapping(data) ? Object.values(data) : iterate(data);
  const out: Record<string, unknown> = {};
  for (const item of items) {
    if (!isPlainMapping(item)) throw new TemplateRuntimeError('List item is not a valid dict');
    if (!(key in item)) throw new TemplateRuntimeError(`Key ${key} was not found`);
    const k = pythonStr(plain(item[key]));
    if (k in out && duplicates === 'error') throw new TemplateRuntimeError(`Key ${k} is not unique, cannot correctly turn into dict`);
    setItem(out, k, item);
  }
  return out;
}

function combinationsOf<T>(items: T[], r: number): T[][] {
  if (r === 0) return [[]];
  const out: T[][] = [];
  items.forEach((item, i) => {
    for (const rest of combinationsOf(items.slice(i + 1), r - 1)) out.push([item, ...rest]);
  });
  return out;
}

function permutationsOf<T>(items: T[], r: number): T[][] {
  if (r === 0) return [[]];
  const out: T[][] = [];
  items.forEach((item, i) => {
    for (const rest of permutationsOf([...items.slice(0, i), ...items.slice(i + 1)], r - 1)) out.push([item, ...rest]);
  });
  return out;
}

export const structureFilters: Record<string, FilterDef> = {
  extract: { fn: extract },
  subelements: { fn: subelements },
  rekey_on_member: { fn: rekeyOnMember },
  combinations: { fn: (v, args, kw) => combinationsOf(iterate(v), Number(arg(args, kw, 0, 'r'))).map((c) => tuple(c)) },
  permutations: {
    fn: (v, args, kw) => {
      const items = iterate(v);
      const r = arg(args, kw, 0, 'r', null);
      return permutationsOf(items, r === null ? items.length : Number(r)).map((p) => tuple(p));
    },
  },
};
