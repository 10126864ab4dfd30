import type { FilterDef } from '../jinja/environment.js';
import { TemplateRuntimeError } from '../jinja/runtime-error.js';
import { plain, pyEquals } from '../python/compare.js';
import { isPlainMapping, pythonStr } from '../python/repr.js';
import { pyTruthy } from '../python/truthy.js';
import { pythonTypeName } from '../python/type-name.js';
import { arg } from '../call-args.js';
import { setItem } from '../python/dict.js';

type Dict = Record<string, unknown>;
const LIST_MERGE = ['replace', 'keep', 'append', 'prepend', 'append_rp', 'prepend_rp'];

function mergeLists(a: unknown[], b: unknown[], mode: string): unknown[] {
  switch (mode) {
    case 'keep':
      return a;
    case 'append':
      return [...a, ...b];
    case 'prepend':
      return [...b, ...a];
    case 'append_rp':
      return [...a.filter((x) => !b.some((y) => pyEquals(x, y))), ...b];
    case 'prepend_rp':
      return [...b, ...a.filter((x) => !b.some((y) => pyEquals(x, y)))];
    default:
      return b;
  }
}

/** Ansible's merge_hash: recursive merges nested dicts; list_merge decides list handling. */
export function mergeHash(x: Dict, y: Dict, recursive: boolean, listMerge: string): Dict {
  const out: Dict = { ...x };
  for (const [k, yv] of Object.entries(y)) {
    const xv = out[k];
    if (!Object.prototype.hasOwnProperty.call(out, k)) setItem(out, k, yv);
    else if (recursive && isPlainMapping(xv) && isPlainMapping(yv)) setItem(out, k, mergeHash(xv, yv, recursive, listMerge));
    else if (Array.isArray(xv) && Array.isArray(yv)) setItem(out, k, mergeLists(xv, yv, listMerge));
    else setItem(out, k, yv);
  }
  return out;
}

export function combine(value: unknown, args: unknown[], kwargs: Dict): Dict {
  const recursive = pyTruthy(kwargs['recursive'] ?? false);
  const listMerge = pythonStr(kwargs['list_merge'] ?? 'replace');
  if (!LIST_MERGE.includes(listMerge)) throw new TemplateRuntimeError(`'${listMerge}' is not a valid list_merge value`);
  const dicts = [value, ...args.flatMap((a) => (Array.isArray(plain(a)) ? (plain(a) as unknown[]) : [a]))];
  let out: Dict = {};
  for (const d of dicts) {
    if (!isPlainMapping(d)) throw new TemplateRuntimeError(`failed to combine variables, expected dicts but got a '${pythonTypeName(d)}'`);
    out = mergeHash(out, d, recursive, listMerge);
  }
  return out;
}

export const dictFilters: Record<string, FilterDef> = {
  combine: { fn: combine },
  dict2items: {
    fn: (v, args, kw) => {
      if (!isPlainMapping(v)) throw new TemplateRuntimeError(`dict2items requires a dictionary, got ${pythonTypeName(v)} instead.`);
      const keyName = pythonStr(arg(args, kw, 0, 'key_name', 'key'));
      const valueName = pythonStr(arg(args, kw, 1, 'value_name', 'value'));
      return Object.entries(v).map(([k, val]) => ({ [keyName]: k, [valueName]: val }));
    },
  },
  items2dict: {
    fn: (v, args, kw) => {
      const items = plain(v);
      if (!Array.isArray(items)) throw new TemplateRuntimeError(`items2dict requires a list, got ${pythonTypeName(v)} instead.`);
      const keyName = pythonStr(arg(args, kw, 0, 'key_name', 'key'));
      const valueName = pythonStr(arg(args, kw, 1, 'value_name', 'value'));
      const out: Dict = {};
      for (const item of items) {
        if (!isPlainMapping(item)) throw new TemplateRuntimeError(`items2dict requires a list of dictionaries, got ${pythonTypeName(item)}`);
        if (!(keyName in item) || !(valueName in item)) throw new TemplateRuntimeError(`items2dict requires each dictionary to have keys '${keyName}' and '${valueName}'`);
        setItem(out, pythonStr(plain(item[keyName])), item[valueName]);
      }
      return out;
    },
  },
};
