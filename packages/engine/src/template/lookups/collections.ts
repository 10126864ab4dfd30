import { TemplateRuntimeError } from '../jinja/runtime-error.js';
import { plain } from '../python/compare.js';
import { isPlainMapping, pythonStr } from '../python/repr.js';
import { tuple } from '../python/tuple.js';
import { cartesian } from '../filters/lists.js';
import type { LookupFn } from './registry.js';

function lists(terms: unknown[]): unknown[][] {
  return terms.map((t) => {
    const v = plain(t);
    return Array.isArray(v) ? v : [v];
  });
}

/** items: flattens one level, as with_items does. */
export const itemsLookup: LookupFn = (terms) => terms.flatMap((t) => (Array.isArray(plain(t)) ? (plain(t) as unknown[]) : [t]));

export const listLookup: LookupFn = (terms) => terms;

export const indexedItemsLookup: LookupFn = (terms) => itemsLookup(terms, {}, undefined as never).map((item, i) => tuple([i, item]));

export const dictLookup: LookupFn = (terms) =>
  terms.flatMap((t) => {
    if (!isPlainMapping(t)) throw new TemplateRuntimeError('with_dict expects a dict');
    return Object.entries(t).map(([key, value]) => ({ key, value }));
  });

export const nestedLookup: LookupFn = (terms) => {
  if (terms.length === 0) throw new TemplateRuntimeError('with_nested requires at least one element in the nested list');
  return cartesian(lists(terms.length === 1 && Array.isArray(plain(terms[0])) && (plain(terms[0]) as unknown[]).every((x) => Array.isArray(plain(x))) ? (plain(terms[0]) as unknown[]) : terms));
};

export const togetherLookup: LookupFn = (terms) => {
  const ls = lists(terms);
  if (ls.length === 0) throw new TemplateRuntimeError('with_together requires at least one element in each list');
  const len = Math.max(...ls.map((l) => l.length));
  return Array.from({ length: len }, (_, i) => ls.map((l) => (i < l.length ? l[i] : null)));
};

/** subelements: (parent, child) pairs for each item of the named sub-list. */
export const subelementsLookup: LookupFn = (terms) => {
  const [items, key, flags] = terms;
  const list = plain(items);
  if (!Array.isArray(list)) throw new TemplateRuntimeError('subelements lookup expects a list of dictionaries as first term');
  const path = pythonStr(plain(key)).split('.');
  const skipMissing = isPlainMapping(flags) && Boolean(plain(flags['skip_missing']));
  const out: unknown[] = [];
  for (const item of list) {
    if (!isPlainMapping(item)) throw new TemplateRuntimeError('subelements lookup expects a dictionary, got something else');
    let sub: unknown = item;
    let missing = false;
    for (const part of path) {
      if (isPlainMapping(sub) && part in sub) sub = sub[part];
      else missing = true;
    }
    if (missing) {
      if (skipMissing) continue;
      throw new TemplateRuntimeError(`could not find '${pythonStr(plain(key))}' key in iterated item '${pythonStr(item)}'`);
    }
    if (!Array.isArray(sub)) throw new TemplateRuntimeError(`the key ${pythonStr(plain(key))} should point to a list, got '${pythonStr(sub)}'`);
    const parent = Object.fromEntries(Object.entries(item).filter(([k]) => k !== path[0]));
    for (const child of sub) out.push([parent, child]);
  }
  return out;
};
