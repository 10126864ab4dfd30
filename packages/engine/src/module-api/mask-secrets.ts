import { SECRET_MASK } from '../output/secrets/secret-registry.js';

/** Ansible's replacement for a value that is exactly a no_log value. */
export const NO_LOG_PLACEHOLDER = 'VALUE_SPECIFIED_IN_NO_LOG_PARAMETER';

function maskString(text: string, secrets: readonly string[]): string {
  if (secrets.includes(text)) return NO_LOG_PLACEHOLDER;
  let masked = text;
  for (const secret of secrets) masked = masked.split(secret).join(SECRET_MASK);
  return masked;
}

/** Deep copy of `value` with every no_log value hidden, as Ansible's remove_values. */
export function maskSecrets<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return maskString(v, secrets);
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) {
      return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, walk(inner)]));
    }
    return v;
  };
  return walk(value) as T;
}
