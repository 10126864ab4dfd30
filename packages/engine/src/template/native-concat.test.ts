import { literalCopy, nativeConcat } from './native-concat.js';
import { PyFloat } from './python/float.js';
import { pythonRepr } from './python/repr.js';
import { tuple } from './python/tuple.js';

describe('nativeConcat (jinja2_native off)', () => {
  it('converts text that looks like a list, dict or boolean; leaves the rest', () => {
    expect(nativeConcat('[1, "a"]')).toEqual([1, 'a']);
    expect(nativeConcat("{'k': None}")).toEqual({ k: null });
    expect(nativeConcat('True')).toBe(true);
    expect(nativeConcat('true')).toBe('true');
    expect(nativeConcat('42')).toBe('42');
    expect(nativeConcat('[not python')).toBe('[not python');
  });
});

describe('literalCopy', () => {
  it('equals the repr + literal_eval round trip for literal data', () => {
    const samples: unknown[] = [[1, 'a\n', null, true, new PyFloat(2), 0.5, { k: [tuple([1, 2])] }], { a: { b: [] } }];
    for (const s of samples) expect(literalCopy(s)).toEqual(nativeConcat(pythonRepr(s)));
  });

  it('declines values that do not survive the round trip', () => {
    expect(literalCopy([NaN])).toBeUndefined();
    expect(literalCopy([2 ** 60])).toBeUndefined();
    expect(literalCopy([new Date()])).toBeUndefined();
  });
});
