import type { TestDef } from '../jinja/environment.js';
import { plain, pyCompare, pyEquals } from '../python/compare.js';
import { pyContains } from '../python/operators.js';
import { toInt } from '../call-args.js';

function num(v: unknown): number {
  return Number(plain(v));
}

function isSubset(small: unknown, big: unknown): boolean {
  const a = plain(small);
  const b = plain(big);
  return Array.isArray(a) && Array.isArray(b) && a.every((x) => b.some((y) => pyEquals(x, y)));
}

/** Comparison and arithmetic tests: eq, lt, odd, divisibleby, in, sameas... */
export const compareTests: Record<string, TestDef> = {
  eq: { fn: (v, [other]) => pyEquals(v, other) },
  equalto: { fn: (v, [other]) => pyEquals(v, other) },
  '==': { fn: (v, [other]) => pyEquals(v, other) },
  ne: { fn: (v, [other]) => !pyEquals(v, other) },
  '!=': { fn: (v, [other]) => !pyEquals(v, other) },
  lt: { fn: (v, [other]) => pyCompare(v, other) < 0 },
  lessthan: { fn: (v, [other]) => pyCompare(v, other) < 0 },
  '<': { fn: (v, [other]) => pyCompare(v, other) < 0 },
  le: { fn: (v, [other]) => pyCompare(v, other) <= 0 },
  '<=': { fn: (v, [other]) => pyCompare(v, other) <= 0 },
  gt: { fn: (v, [other]) => pyCompare(v, other) > 0 },
  greaterthan: { fn: (v, [other]) => pyCompare(v, other) > 0 },
  '>': { fn: (v, [other]) => pyCompare(v, other) > 0 },
  ge: { fn: (v, [other]) => pyCompare(v, other) >= 0 },
  '>=': { fn: (v, [other]) => pyCompare(v, other) >= 0 },
  odd: { fn: (v) => toInt(v, 'odd') % 2 !== 0 },
  even: { fn: (v) => toInt(v, 'even') % 2 === 0 },
  divisibleby: { fn: (v, [n]) => num(v) % num(n) === 0 },
  sameas: { fn: (v, [other]) => plain(v) === plain(other) },
  in: { fn: (v, [seq]) => pyContains(seq, v) },
  contains: { fn: (v, [item]) => pyContains(v, item) },
  subset: { fn: (v, [other]) => isSubset(v, other) },
  issubset: { fn: (v, [other]) => isSubset(v, other) },
  superset: { fn: (v, [other]) => isSubset(other, v) },
  issuperset: { fn: (v, [other]) => isSubset(other, v) },
};
