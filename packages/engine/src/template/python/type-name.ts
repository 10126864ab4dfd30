import { PyFloat } from './float.js';
import { isPlainMapping } from './repr.js';
import { isUnsafe } from '../unsafe.js';
import { PyObject } from './object.js';

/** Python's type name of a value, as `type_debug` and error messages show it. */
export function pythonTypeName(value: unknown): string {
  if (typeof value === 'string') return 'str';
  if (isUnsafe(value)) return 'AnsibleUnsafeText';
  if (value === null || value === undefined) return 'NoneType';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (value instanceof PyFloat) return 'float';
  if (value instanceof PyObject) return value.pythonType;
  if (Array.isArray(value)) return 'list';
  if (isPlainMapping(value) || value instanceof Map) return 'dict';
  if (typeof value === 'function') return 'function';
  const name = (value as { pythonType?: unknown }).pythonType;
  return typeof name === 'string' ? name : 'object';
}
