import { PyFloat } from './float.js';
import { isUnsafe } from '../unsafe.js';
import { pythonTypeName } from './type-name.js';
import { ensureDefined } from '../jinja/undefined.js';
import { PyObject } from './object.js';

/** Unbox PyFloat and unsafe text so values compare as Python would. */
export function plain(value: unknown): unknown {
  if (value instanceof PyFloat) return value.value;
  if (isUnsafe(value)) return value.text;
  return value;
}

/** Python ==: deep for lists and dicts, True == 1, 1 == 1.0. */
export function pyEquals(a: unknown, b: unknown): boolean {
  const x = plain(a);
  const y = plain(b);
  if (x === y) return true;
  if (x instanceof PyObject) return x.equals(y);
  if (y instanceof PyObject) return y.equals(x);
  if ((typeof x === 'number' || typeof x === 'boolean') && (typeof y === 'number' || typeof y === 'boolean')) {
    return Number(x) === Number(y);
  }
  if (Array.isArray(x) && Array.isArray(y)) {
    return x.length === y.length && x.every((item, i) => pyEquals(item, y[i]));
  }
  if (typeof x === 'object' && x !== null && typeof y === 'object' && y !== null && !Array.isArray(x) && !Array.isArray(y)) {
    const kx = Object.keys(x);
    const ky = Object.keys(y);
    if (kx.length !== ky.length) return false;
    return kx.every((k) => Object.prototype.hasOwnProperty.call(y, k) && pyEquals((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k]));
  }
  return false;
}

function negate(n: number | undefined): number | undefined {
  return n === undefined ? undefined : -n;
}

export class PyTypeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TypeError';
  }
}

/** Python ordering (<): numbers with numbers, strings with strings, lists lexicographically. */
export function pyCompare(a: unknown, b: unknown): number {
  const x = plain(ensureDefined(a));
  const y = plain(ensureDefined(b));
  const xNum = typeof x === 'number' || typeof x === 'boolean';
  const yNum = typeof y === 'number' || typeof y === 'boolean';
  if (xNum && yNum) return Number(x) - Number(y);
  const objectOrder = x instanceof PyObject ? x.compareTo(y) : y instanceof PyObject ? negate(y.compareTo(x)) : undefined;
  if (objectOrder !== undefined) return objectOrder;
  if (typeof x === 'string' && typeof y === 'string') return x < y ? -1 : x > y ? 1 : 0;
  if (Array.isArray(x) && Array.isArray(y)) {
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const c = pyCompare(x[i], y[i]);
      if (c !== 0) return c;
    }
    return x.length - y.length;
  }
  throw new PyTypeError(`'<' not supported between instances of '${pythonTypeName(a)}' and '${pythonTypeName(b)}'`);
}
