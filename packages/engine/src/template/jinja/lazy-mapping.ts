/** A mapping whose entries are computed on demand (hostvars, for example). */
export interface LazyMapping {
  get(key: string): unknown;
  has(key: string): boolean;
  keys(): string[];
}

export function isLazyMapping(value: unknown): value is LazyMapping {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { get?: unknown }).get === 'function' &&
    typeof (value as { has?: unknown }).has === 'function' &&
    typeof (value as { keys?: unknown }).keys === 'function' &&
    !(value instanceof Map)
  );
}
