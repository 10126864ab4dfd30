import { TsibleError } from '../../errors/tsible-error.js';
import { UnsafeText, VaultText } from '../../loader/tagged-values.js';
import { PythonTuple } from '../../text/python-format.js';
import { pythonStr } from '../../template/python/repr.js';
import { isPythonTuple } from '../parse/python-literal.js';

/** A variable's value as `ansible-inventory --graph --vars` prints it (Python's str()). */
export function graphValue(value: unknown): string {
  return pythonStr(forPython(value));
}

function forPython(value: unknown): unknown {
  if (value instanceof UnsafeText) return value.text;
  // Printing a vaulted value means decrypting it, which needs a vault secret.
  if (value instanceof VaultText) {
    throw new TsibleError('Attempting to decrypt but no vault secrets found', { code: 'TSIBLE_VAULT_NO_SECRET', location: value.location });
  }
  if (isPythonTuple(value)) return new PythonTuple((value as unknown[]).map(forPython));
  if (Array.isArray(value)) return value.map(forPython);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = forPython(v);
    return out;
  }
  return value;
}
