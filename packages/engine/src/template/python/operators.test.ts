import { pyAdd, pyCompareOp, pyDiv, pyFloorDiv, pyMod, pyMul, pyPow, pySub } from './operators.js';
import { PyFloat } from './float.js';
import { pythonStr } from './repr.js';
import { Undefined } from '../jinja/undefined.js';

describe('Python operators', () => {
  it('arithmetic keeps int/float as Python', () => {
    expect(pythonStr(pyAdd(1, 2))).toBe('3');
    expect(pythonStr(pyAdd(1, new PyFloat(2)))).toBe('3.0');
    expect(pythonStr(pyDiv(4, 2))).toBe('2.0');
    expect(pyFloorDiv(-7, 2)).toBe(-4);
    expect(pyMod(-7, 3)).toBe(2);
    expect(pythonStr(pyPow(2, -1))).toBe('0.5');
    expect(pySub(true, 1)).toBe(0);
  });

  it('sequences: concatenation and repetition', () => {
    expect(pyAdd([1], [2])).toEqual([1, 2]);
    expect(pyMul('ab', 2)).toBe('abab');
    expect(pyMul(2, [0])).toEqual([0, 0]);
    expect(pyMod('%s-%s', ['a', 'b'])).toBe('a-b');
  });

  it('raises Python type errors', () => {
    expect(() => pyAdd('a', 1)).toThrow('can only concatenate str (not "int") to str');
    expect(() => pySub('a', 1)).toThrow("unsupported operand type(s) for -: 'str' and 'int'");
    expect(() => pyDiv(1, 0)).toThrow('division by zero');
    expect(() => pyCompareOp('<', 1, 'a')).toThrow("'<' not supported between instances of 'int' and 'str'");
    expect(() => pyAdd(new Undefined("'x' is undefined"), 1)).toThrow("'x' is undefined");
  });

  it('comparisons and membership', () => {
    expect(pyCompareOp('==', [1, { a: 1 }], [1, { a: 1 }])).toBe(true);
    expect(pyCompareOp('==', 1, new PyFloat(1))).toBe(true);
    expect(pyCompareOp('in', 'b', 'abc')).toBe(true);
    expect(pyCompareOp('in', 'k', { k: 1 })).toBe(true);
    expect(pyCompareOp('not in', 2, [1])).toBe(true);
    expect(pyCompareOp('<', [1, 2], [1, 3])).toBe(true);
  });
});

describe('resource limits', () => {
  it('refuses huge repetitions with a clear error instead of exhausting memory', () => {
    expect(() => pyMul('ab', 10 ** 9)).toThrow('sequence repetition too large');
    expect(() => pyMul([1], 10 ** 9)).toThrow('sequence repetition too large');
  });
});
