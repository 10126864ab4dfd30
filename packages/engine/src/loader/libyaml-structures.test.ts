import { readFileSync } from 'node:fs';
import { encodeLoaded, normalizeRecorded } from '../../../../test/support/python-values.js';
import { TsibleError } from '../errors/tsible-error.js';
import { fastParseYaml } from './fast-yaml.js';
import { parseYaml, parseYamlFully } from './yaml.js';

/** Random structures recorded from libyaml by test/fixtures/yaml/record_structures.py. */
interface RecordedCase {
  yaml: string;
  value?: unknown;
  error?: string;
}

const { cases } = JSON.parse(readFileSync(new URL('../../../../test/fixtures/yaml/libyaml-structures.json', import.meta.url), 'utf8')) as {
  cases: RecordedCase[];
};

function outcome(load: () => unknown): unknown {
  try {
    return encodeLoaded(load());
  } catch (err) {
    if (err instanceof TsibleError) return 'error';
    throw err;
  }
}

describe('loader paths agree with libyaml on random structures', () => {
  it('parseYaml, the full loader and (where it applies) the fast path give what libyaml gives', () => {
    let fastUsed = 0;
    const mismatches: string[] = [];
    for (const c of cases) {
      const expected = c.value === undefined ? 'error' : normalizeRecorded(c.value);
      const fast = fastParseYaml(c.yaml, () => null);
      if (fast.ok) fastUsed++;
      const results = {
        parseYaml: outcome(() => parseYaml(c.yaml, 'r.yml')),
        full: outcome(() => parseYamlFully(c.yaml, 'r.yml')),
        fast: fast.ok ? encodeLoaded(fast.value) : expected === 'error' ? 'error' : expected,
      };
      for (const [path, got] of Object.entries(results)) {
        if (JSON.stringify(got) !== JSON.stringify(expected)) mismatches.push(`${path}: ${JSON.stringify(c.yaml)}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(fastUsed).toBeGreaterThan(cases.length / 4);
  });
});
