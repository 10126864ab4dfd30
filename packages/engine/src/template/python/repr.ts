import { PyFloat } from './float.js';
import { PythonTuple, pythonFloatRepr as floatRepr, pythonStrRepr as stringRepr } from '../../text/python-format.js';
import { isUnsafe } from '../unsafe.js';
import { isTuple, tuple } from './tuple.js';
import { PyObject } from './object.js';
import { VaultText } from '../../loader/tagged-values.js';
import { TemplateRuntimeError } from '../jinja/runtime-error.js';

/** Python's repr() of a float and of a str: shared with the loader and config output. */
export { pythonFloatRepr as floatRepr, pythonStrRepr as stringRepr } from '../../text/python-format.js';

/** Encrypted values must be decrypted before templating; printing the ciphertext would hide the mistake. */
function refuseVaultText(value: unknown): void {
  if (value instanceof VaultText) throw new TemplateRuntimeError('a vault-encrypted value reached a template undecrypted (no vault secret was given for it)');
}

export function isPlainMapping(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  if (value instanceof PyFloat || value instanceof PyObject || isUnsafe(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Python's repr(): what a value looks like inside a printed list or dict. */
export function pythonRepr(value: unknown): string {
  refuseVaultText(value);
  if (typeof value === 'string') return stringRepr(value);
  if (isUnsafe(value)) return stringRepr(value.text);
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 1e21 ? String(value) : floatRepr(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof PyFloat) return floatRepr(value.value);
  if (value instanceof PyObject) return value.pythonRepr();
  if (value instanceof PythonTuple) return pythonRepr(tuple([...value.items]));
  if (Array.isArray(value)) {
    if (isTuple(value)) return value.length === 1 ? `(${pythonRepr(value[0])},)` : `(${value.map(pythonRepr).join(', ')})`;
    return `[${value.map(pythonRepr).join(', ')}]`;
  }
  if (value instanceof Map) {
    return `{${[...value.entries()].map(([k, v]) => `${pythonRepr(k)}: ${pythonRepr(v)}`).join(', ')}}`;
  }
  if (value instanceof Set) return value.size === 0 ? 'set()' : `{${[...value].map(pythonRepr).join(', ')}}`;
  if (typeof value === 'object') {
    const custom = (value as { pythonRepr?: unknown }).pythonRepr;
    if (typeof custom === 'function') return String((custom as () => unknown).call(value));
    return `{${Object.entries(value).map(([k, v]) => `${stringRepr(k)}: ${pythonRepr(v)}`).join(', ')}}`;
  }
  return String(value);
}

/** Python's str(): strings as they are, everything else as repr. */
export function pythonStr(value: unknown): string {
  refuseVaultText(value);
  if (typeof value === 'string') return value;
  if (isUnsafe(value)) return value.text;
  if (value instanceof PyObject) return value.pythonStr();
  return pythonRepr(value);
}
