/**
 * `!unsafe` values are never templated. The YAML loader produces them; this
 * module recognises any object carrying the shared marker symbol (or shaped
 * like the loader's UnsafeText) so the templar does not depend on the loader.
 */
export const UNSAFE_MARK: unique symbol = Symbol.for('tsible.unsafe');

export interface UnsafeLike {
  readonly text: string;
}

export class UnsafeString implements UnsafeLike {
  readonly [UNSAFE_MARK] = true;
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export function isUnsafe(value: unknown): value is UnsafeLike {
  if (typeof value !== 'object' || value === null) return false;
  const text = (value as { text?: unknown }).text;
  if (typeof text !== 'string') return false;
  return (value as { [UNSAFE_MARK]?: unknown })[UNSAFE_MARK] === true || value.constructor?.name === 'UnsafeText';
}

export function markUnsafe(text: string): UnsafeString {
  return new UnsafeString(text);
}
