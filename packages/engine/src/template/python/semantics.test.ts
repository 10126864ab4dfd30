import { pyTruthy } from './truthy.js';
import { pyCompare, pyEquals } from './compare.js';
import { pythonTypeName } from './type-name.js';
import { PyFloat, makeFloat } from './float.js';
import { Undefined } from '../jinja/undefined.js';
import { markUnsafe } from '../unsafe.js';

describe('Python truthiness, equality, ordering and type names', () => {
  it('empty containers and strings are false; undefined raises', () => {
    expect([[], {}, '', 0, null, false, new PyFloat(0), markUnsafe('')].map(pyTruthy)).toEqual([false, false, false, false, false, false, false, false]);
    expect([[0], { a: 0 }, ' ', -1, new PyFloat(1)].map(pyTruthy)).toEqual([true, true, true, true, true]);
    expect(() => pyTruthy(new Undefined("'x' is undefined"))).toThrow("'x' is undefined");
  });

  it('== is deep and numeric across bool/int/float', () => {
    expect(pyEquals({ a: [1, { b: true }] }, { a: [1, { b: 1 }] })).toBe(true);
    expect(pyEquals(1, new PyFloat(1))).toBe(true);
    expect(pyEquals('1', 1)).toBe(false);
    expect(pyEquals(markUnsafe('a'), 'a')).toBe(true);
  });

  it('ordering: numbers, strings, lists; mixed types raise', () => {
    expect(pyCompare(1, 2)).toBeLessThan(0);
    expect(pyCompare('b', 'a')).toBeGreaterThan(0);
    expect(pyCompare([1, 2], [1, 2, 0])).toBeLessThan(0);
    expect(() => pyCompare('a', 1)).toThrow("'<' not supported between instances of 'str' and 'int'");
  });

  it('type names and float boxing', () => {
    expect([1, 1.5, makeFloat(2), 'a', true, null, [], {}].map(pythonTypeName)).toEqual(['int', 'float', 'float', 'str', 'bool', 'NoneType', 'list', 'dict']);
    expect(makeFloat(2.5)).toBe(2.5);
  });
});
