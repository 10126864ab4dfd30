/**
 * Sets an own, enumerable property even for the key `__proto__`, so a key
 * from a loaded file can never reach (or replace) an object's prototype.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    target[key] = value;
  }
}
