import { pythonFloatRepr, pythonKeyString } from './python-format.js';

describe('Python formatting', () => {
  it('prints floats as Python repr does', () => {
    expect([0.1, 1.5, 1e16, 1.5e-5, 0.0001, 123456789.5, -2.5, Infinity, -Infinity, NaN].map(pythonFloatRepr)).toEqual([
      '0.1', '1.5', '1e+16', '1.5e-05', '0.0001', '123456789.5', '-2.5', 'inf', '-inf', 'nan',
    ]);
    expect(pythonFloatRepr(1)).toBe('1.0');
    expect(pythonFloatRepr(-0)).toBe('-0.0');
  });

  it('prints mapping keys like str()', () => {
    expect([null, true, false, 7].map((k) => pythonKeyString(k, false))).toEqual(['None', 'True', 'False', '7']);
    expect(pythonKeyString(2, true)).toBe('2.0');
  });
});
