import { readFileSync } from 'node:fs';
import { validateArgs } from './validate-args.js';
import type { ArgumentSpec, ParamsOf } from './argument-spec.js';

interface Case {
  name: string;
  spec: ArgumentSpec;
  params: Record<string, unknown>;
  compareErrorPrefix?: string;
}
interface Recording {
  name: string;
  errors: string[];
  validated: Record<string, unknown> | null;
  warnings: string[];
  noLogValues: string[];
}

const fixtures = new URL('../../../../test/fixtures/adhoc/', import.meta.url);
const cases = JSON.parse(readFileSync(new URL('validation-cases.json', fixtures), 'utf8')) as Case[];
const recorded = JSON.parse(readFileSync(new URL('validation-recordings.json', fixtures), 'utf8')) as { module: string; recordings: Recording[] };

describe('validateArgs matches ansible 2.14 ArgumentSpecValidator (recorded)', () => {
  it.each(cases.map((c, i) => [c.name, c, recorded.recordings[i]] as const))('%s', (_name, testCase, expected) => {
    expect(expected?.name).toBe(testCase.name);
    const outcome = validateArgs(recorded.module, testCase.spec, testCase.params);
    expect(outcome.warnings).toEqual(expected?.warnings);
    expect(outcome.noLogValues.sort()).toEqual(expected?.noLogValues);
    if (outcome.ok) {
      expect(expected?.errors).toEqual([]);
      expect(outcome.params).toEqual(expected?.validated);
      return;
    }
    // Python prints the valid booleans in set order, which changes per process.
    const prefix = testCase.compareErrorPrefix;
    if (prefix !== undefined) {
      expect(outcome.errors).toHaveLength(1);
      expect(outcome.errors[0]?.startsWith(prefix)).toBe(true);
      expect(expected?.errors[0]?.startsWith(prefix)).toBe(true);
    } else {
      expect(outcome.errors).toEqual(expected?.errors);
    }
    expect(outcome.msg).toBe(outcome.errors.join('; '));
  });
});

describe('ParamsOf', () => {
  it('infers option types, choices and nullability from the spec', () => {
    const spec = {
      options: {
        path: { type: 'path', required: true },
        state: { choices: ['present', 'absent'], default: 'present' },
        count: { type: 'int' },
        force: { type: 'bool', default: false },
        tags: { type: 'list', elements: 'str' },
      },
    } as const satisfies ArgumentSpec;
    const outcome = validateArgs('demo', spec, { path: '/etc', count: '3', tags: 'a,b' });
    if (!outcome.ok) throw new Error(outcome.msg);
    const params: ParamsOf<typeof spec> = outcome.params;
    const path: string = params.path;
    const state: 'present' | 'absent' = params.state;
    const count: number | null = params.count;
    const force: boolean = params.force;
    const tags: string[] | null = params.tags;
    expect({ path, state, count, force, tags }).toEqual({ path: '/etc', state: 'present', count: 3, force: false, tags: ['a', 'b'] });
  });
});
