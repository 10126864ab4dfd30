import { UnsafeText, VaultText } from '../../loader/tagged-values.js';
import { pythonJsonDumps } from '../../template/python/json-dumps.js';

/**
 * Text identical to Python's json.dumps(value, sort_keys=True, indent=4,
 * ensure_ascii=False), which ansible-inventory and the ad-hoc callbacks print.
 */
export function pythonJson(value: unknown, indent = 4): string {
  return pythonJsonDumps(tagged(value), { indent, sortKeys: true, ensureAscii: false, unknownAsText: true });
}

/** Ansible's encoder marks !unsafe text and shows vaulted values as their ciphertext. */
function tagged(value: unknown): unknown {
  if (value instanceof UnsafeText) return { __ansible_unsafe: value.text };
  if (value instanceof VaultText) return { __ansible_vault: value.ciphertext };
  if (Array.isArray(value)) return value.map(tagged);
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tagged(v)]));
  }
  return value;
}
