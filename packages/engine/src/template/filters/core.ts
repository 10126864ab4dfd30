import type { FilterDef } from '../jinja/environment.js';
import { getAttr } from '../jinja/member.js';
import { TemplateRuntimeError } from '../jinja/runtime-error.js';
import { ensureDefined, isUndefined, Undefined } from '../jinja/undefined.js';
import { plain } from '../python/compare.js';
import { makeFloat, PyFloat } from '../python/float.js';
import { isPlainMapping, pythonStr } from '../python/repr.js';
import { pyTruthy } from '../python/truthy.js';
import { pythonTypeName } from '../python/type-name.js';
import { iterate } from '../jinja/renderer.js';
import { arg } from '../call-args.js';

/** default/d: the fallback when undefined (or falsy with boolean=true). */
export function defaultFilter(value: unknown, args: unknown[], kwargs: Record<string, unknown>): unknown {
  const fallback = args.length > 0 ? args[0] : 'default_value' in kwargs ? kwargs['default_value'] : '';
  const boolean = pyTruthy(arg(args, kwargs, 1, 'boolean', false));
  if (isUndefined(value) || (boolean && !pyTruthy(value))) return fallback;
  return value;
}

export function mandatory(value: unknown, args: unknown[], kwargs: Record<string, unknown>): unknown {
  if (isUndefined(value)) {
    const msg = arg(args, kwargs, 0, 'msg', null);
    if (msg !== null && msg !== undefined) throw new TemplateRuntimeError(pythonStr(msg));
    // Ansible's wording, including its double space after the quoted name.
    const name = value instanceof Undefined && value.name !== undefined ? `'${value.name}' ` : '';
    throw new TemplateRuntimeError(`Mandatory variable ${name} not defined.`);
  }
  return value;
}

/** Ansible's bool filter: yes/on/1/true (any case) are true, everything else false. */
export function toBool(value: unknown): boolean | null {
  const v = plain(value);
  if (v === null) return null;
  if (typeof v === 'boolean') return v;
  const probe = typeof v === 'string' ? v.toLowerCase() : v;
  return probe === 'yes' || probe === 'on' || probe === '1' || probe === 'true' || probe === 1;
}

/** Jinja's int filter: base for strings, floats truncate, failure gives the default. */
export function toIntFilter(value: unknown, args: unknown[], kwargs: Record<string, unknown>): unknown {
  const fallback = arg(args, kwargs, 0, 'default', 0);
  const base = Number(arg(args, kwargs, 1, 'base', 10));
  const v = plain(value);
  if (typeof v === 'number') return Math.trunc(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const s = v.trim().replace(/_/g, '');
    const prefixed = base === 16 ? s.replace(/^0x/i, '') : base === 8 ? s.replace(/^0o/i, '') : base === 2 ? s.replace(/^0b/i, '') : s;
    const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, base);
    if (new RegExp(`^[-+]?[${digits}]+$`, 'i').test(prefixed)) return parseInt(prefixed, base);
    if (base === 10 && /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return Math.trunc(Number(s));
  }
  return fallback;
}

export function toFloatFilter(value: unknown, args: unknown[], kwargs: Record<string, unknown>): unknown {
  const fallback = arg(args, kwargs, 0, 'default', new PyFloat(0));
  const v = plain(value);
  if (typeof v === 'number') return makeFloat(v);
  if (typeof v === 'boolean') return makeFloat(v ? 1 : 0);
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/.test(s)) return makeFloat(Number(s));
    if (/^[-+]?(inf|infinity)$/.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
    if (s === 'nan') return NaN;
  }
  return fallback;
}

export function toList(value: unknown): unknown[] {
  return [...iterate(value)];
}

/** ternary(true_val, false_val, none_val=None). */
export function ternary(value: unknown, args: unknown[], kwargs: Record<string, unknown>): unknown {
  const trueVal = arg(args, kwargs, 0, 'true_val');
  const falseVal = arg(args, kwargs, 1, 'false_val');
  const noneVal = arg(args, kwargs, 2, 'none_val', null);
  if (plain(value) === null && noneVal !== null) return noneVal;
  return pyTruthy(value) ? trueVal : falseVal;
}

export const coreFilters: Record<string, FilterDef> = {
  default: { fn: defaultFilter, acceptsUndefined: true },
  d: { fn: defaultFilter, acceptsUndefined: true },
  mandatory: { fn: mandatory, acceptsUndefined: true },
  bool: { fn: (v) => toBool(v) },
  int: { fn: toIntFilter },
  float: { fn: toFloatFilter },
  string: { fn: (v) => pythonStr(v) },
  list: { fn: (v) => toList(v) },
  type_debug: { fn: (v) => pythonTypeName(v) },
  ternary: { fn: ternary },
  attr: { fn: (v, args) => getAttr(v, pythonStr(ensureDefined(args[0]))) },
  dict: {
    fn: (v) => {
      const items = plain(v);
      if (isPlainMapping(items)) return { ...items };
      if (!Array.isArray(items)) throw new TemplateRuntimeError(`cannot convert ${pythonTypeName(v)} to dict`);
      return Object.fromEntries(items.map((pair) => {
        const p = plain(pair);
        if (!Array.isArray(p) || p.length !== 2) throw new TemplateRuntimeError('dictionary update sequence element has wrong length; 2 is required');
        return [pythonStr(plain(p[0])), p[1]];
      }));
    },
  },
};
