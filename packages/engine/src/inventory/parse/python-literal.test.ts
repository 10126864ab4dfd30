import { readFileSync } from 'node:fs';
import { iniValue, isPythonTuple, literalEval, NOT_A_LITERAL } from './python-literal.js';

interface Recorded {
  input: string;
  literal: boolean;
  type: string;
  value: unknown;
}

// Recorded with Python's ast.literal_eval by test/fixtures/inventory-python/record.py.
const recorded = JSON.parse(
  readFileSync(new URL('../../../../../test/fixtures/inventory-python/literals.json', import.meta.url), 'utf8'),
) as Recorded[];

describe('INI values are typed like ast.literal_eval', () => {
  it.each(recorded.map((r) => [r.input, r] as const))('%j', (_input, r) => {
    const got = iniValue(r.input);
    expect(got).toEqual(r.value);
    expect(literalEval(r.input) !== NOT_A_LITERAL).toBe(r.literal);
    if (r.type === 'int') expect(Number.isInteger(got)).toBe(true);
    if (r.type === 'float' || r.type === 'int') expect(typeof got).toBe('number');
    if (r.type === 'str') expect(typeof got).toBe('string');
    if (r.type === 'bool') expect(typeof got).toBe('boolean');
  });

  it('marks tuples so they print as Python prints them', () => {
    expect(isPythonTuple(iniValue('(1, 2)'))).toBe(true);
    expect(isPythonTuple(iniValue('[1, 2]'))).toBe(false);
  });

  it('gives up on absurd nesting instead of crashing', () => {
    expect(iniValue('['.repeat(50_000))).toBe('['.repeat(50_000));
  });
});
