/**
 * d[key] = value for dicts held as plain objects. A key named "__proto__"
 * would otherwise replace the object's prototype instead of becoming an item.
 */
export function setItem(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}
