import { literalEval } from './literal-eval.js';
import { PyFloat } from './float.js';

describe('literalEval (ast.literal_eval with JSON names)', () => {
  it('parses Python and JSON literals', () => {
    expect(literalEval("[1, 'a', None, True, {'k': (1, 2)}]")).toEqual({ ok: true, value: [1, 'a', null, true, { k: [1, 2] }] });
    expect(literalEval('[true, null, false]')).toEqual({ ok: true, value: [true, null, false] });
    expect(literalEval('{"a": -1.5e3, "b": 2.0}')).toEqual({ ok: true, value: { a: new PyFloat(-1500), b: new PyFloat(2) } });
    expect(literalEval("'a' 'b'")).toEqual({ ok: true, value: 'ab' });
    expect(literalEval("['\\n\\x41\\u00e9']")).toEqual({ ok: true, value: ['\nAé'] });
    expect(literalEval("r'\\d'")).toEqual({ ok: true, value: '\\d' });
    expect(literalEval('[0x1F, 1_000]')).toEqual({ ok: true, value: [31, 1000] });
    expect(literalEval('{1, 2}')).toEqual({ ok: true, value: [1, 2] });
  });

  it('refuses anything that is not a literal', () => {
    for (const text of ['[a]', '{x: 1}', '[1, 2', "{'a': 1} x", 'True or False', '[1] + [2]', '012', "'abc"]) {
      expect(literalEval(text)).toEqual({ ok: false });
    }
  });
});
