/**
 * JavaScript has one number type; Python tells 2 from 2.0 when printing. A
 * float whose value is integral is boxed as PyFloat so it prints as `2.0`;
 * every other number is an int when integral and a float otherwise.
 */
export class PyFloat {
  constructor(readonly value: number) {}
  valueOf(): number {
    return this.value;
  }
}

export function isNumber(value: unknown): value is number | PyFloat {
  return typeof value === 'number' || value instanceof PyFloat;
}

export function isFloatValue(value: unknown): boolean {
  return value instanceof PyFloat || (typeof value === 'number' && !Number.isInteger(value));
}

export function isIntValue(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/** A float result: boxed when integral so it keeps printing as a float. */
export function makeFloat(n: number): number | PyFloat {
  return Number.isInteger(n) ? new PyFloat(n) : n;
}

export function numberValue(value: number | PyFloat): number {
  return typeof value === 'number' ? value : value.value;
}
