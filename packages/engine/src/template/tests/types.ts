import type { TestDef } from '../jinja/environment.js';
import { isLazyMapping } from '../jinja/lazy-mapping.js';
import { isUndefined } from '../jinja/undefined.js';
import { plain } from '../python/compare.js';
import { isFloatValue } from '../python/float.js';
import { isPlainMapping } from '../python/repr.js';
import { pyTruthy } from '../python/truthy.js';
import { JinjaCallable } from '../jinja/callable.js';
import { arg } from '../call-args.js';

const BOOLEAN_TRUE = new Set(['y', 'yes', 'on', '1', 'true', 't']);

/** Ansible's truthy test; convert_bool=true first reads 'yes'/'on'/... as booleans. */
function truthy(value: unknown, args: unknown[], kwargs: Record<string, unknown>): boolean {
  if (pyTruthy(arg(args, kwargs, 0, 'convert_bool', false))) {
    const v = plain(value);
    if (typeof v === 'string' && (BOOLEAN_TRUE.has(v.toLowerCase()) || ['n', 'no', 'off', '0', 'false', 'f'].includes(v.toLowerCase()))) {
      return BOOLEAN_TRUE.has(v.toLowerCase());
    }
  }
  return pyTruthy(value);
}

function isMapping(v: unknown): boolean {
  return isPlainMapping(v) || v instanceof Map || isLazyMapping(v);
}

/** Type and definedness tests (Jinja builtins plus Ansible's truthy/falsy). */
export const typeTests: Record<string, TestDef> = {
  defined: { fn: (v) => !isUndefined(v), acceptsUndefined: true },
  undefined: { fn: (v) => isUndefined(v), acceptsUndefined: true },
  none: { fn: (v) => plain(v) === null },
  string: { fn: (v) => typeof plain(v) === 'string' },
  number: { fn: (v) => typeof plain(v) === 'number' },
  integer: { fn: (v) => typeof v === 'number' && Number.isInteger(v) },
  float: { fn: (v) => isFloatValue(v) },
  boolean: { fn: (v) => typeof v === 'boolean' },
  true: { fn: (v) => v === true },
  false: { fn: (v) => v === false },
  mapping: { fn: (v) => isMapping(v) },
  sequence: { fn: (v) => typeof plain(v) === 'string' || Array.isArray(v) || isMapping(v) },
  iterable: { fn: (v) => typeof plain(v) === 'string' || Array.isArray(v) || isMapping(v) || v instanceof Set },
  callable: { fn: (v) => v instanceof JinjaCallable },
  truthy: { fn: (v, args, kw) => truthy(v, args, kw) },
  falsy: { fn: (v, args, kw) => !truthy(v, args, kw) },
  lower: { fn: (v) => typeof v === 'string' && v === v.toLowerCase() },
  upper: { fn: (v) => typeof v === 'string' && v === v.toUpperCase() },
};
