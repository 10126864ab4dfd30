import { floatRepr, pythonRepr, pythonStr, stringRepr } from './repr.js';
import { PyFloat } from './float.js';
import { tuple } from './tuple.js';
import { markUnsafe } from '../unsafe.js';
import { iniValue } from '../../inventory/parse/python-literal.js';
import { PythonTuple } from '../../text/python-format.js';

describe('Python repr/str', () => {
  it('prints floats as Python does', () => {
    expect([1, 2.5, 0.1, 1e16, 1e15, 0.0001, 0.00001, 1.2345678901234568e17, -0.5, 1 / 3].map(floatRepr)).toEqual([
      '1.0', '2.5', '0.1', '1e+16', '1000000000000000.0', '0.0001', '1e-05', '1.2345678901234568e+17', '-0.5', '0.3333333333333333',
    ]);
    expect([NaN, Infinity, -Infinity].map(floatRepr)).toEqual(['nan', 'inf', '-inf']);
  });

  it('quotes strings like repr()', () => {
    expect(stringRepr("it's")).toBe('"it\'s"');
    expect(stringRepr('a"b\'c')).toBe("'a\"b\\'c'");
    expect(stringRepr('tab\tnl\n\x01é')).toBe("'tab\\tnl\\n\\x01é'");
    expect(pythonRepr(['a', "it's", 'say "hi"', 'both \' and "'])).toBe(`['a', "it's", 'say "hi"', 'both \\' and "']`);
  });

  it('prints containers, tuples, None and booleans', () => {
    expect(pythonRepr([1, 'a', null, true, new PyFloat(2), { k: [false] }])).toBe("[1, 'a', None, True, 2.0, {'k': [False]}]");
    expect(pythonRepr(tuple([1, 'a']))).toBe("(1, 'a')");
    expect(pythonRepr(tuple([1]))).toBe('(1,)');
    expect(pythonStr('plain')).toBe('plain');
    expect(pythonStr(markUnsafe('{{ x }}'))).toBe('{{ x }}');
    expect(pythonStr(null)).toBe('None');
  });
});

describe('tuples from other parts of tsible', () => {
  it('prints INI inventory tuples and config tuples with parentheses', () => {
    expect(pythonRepr(iniValue("(1, 'a')"))).toBe("(1, 'a')");
    expect(pythonRepr(new PythonTuple(['x']))).toBe("('x',)");
  });
});
