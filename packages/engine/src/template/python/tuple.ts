/** Python tuples are lists that print with parentheses; the mark does not survive copying. */
const TUPLE_MARK: unique symbol = Symbol('tsible.tuple');

export function tuple<T>(items: T[]): T[] {
  Object.defineProperty(items, TUPLE_MARK, { value: true, enumerable: false });
  return items;
}

export function isTuple(value: unknown): boolean {
  return Array.isArray(value) && (value as unknown as Record<symbol, unknown>)[TUPLE_MARK] === true;
}
