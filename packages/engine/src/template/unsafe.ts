import { UnsafeText } from '../loader/tagged-values.js';

/**
 * `!unsafe` values are never templated. The YAML loader produces UnsafeText;
 * other producers (registered results, lookups) can mark text the same way.
 */
export interface UnsafeLike {
  readonly text: string;
}

export function isUnsafe(value: unknown): value is UnsafeLike {
  return value instanceof UnsafeText;
}

export function markUnsafe(text: string): UnsafeText {
  return new UnsafeText(text);
}
