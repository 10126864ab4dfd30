import { ensureDefined } from '../jinja/undefined.js';
import { PyFloat } from './float.js';
import { isUnsafe } from '../unsafe.js';
import { isLazyMapping } from '../jinja/lazy-mapping.js';

/** Python truthiness: empty containers and strings are false; undefined raises. */
export function pyTruthy(value: unknown): boolean {
  const v = ensureDefined(value);
  if (v === null) return false;
  if (typeof v === 'string') return v.length > 0;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'boolean') return v;
  if (v instanceof PyFloat) return v.value !== 0;
  if (isUnsafe(v)) return v.text.length > 0;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof Map || v instanceof Set) return v.size > 0;
  if (isLazyMapping(v)) return v.keys().length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return Boolean(v);
}
