import { readFileSync } from 'node:fs';
import { TsibleError } from '../errors/tsible-error.js';
import { parseYaml } from './yaml.js';
import { encodeLoaded, normalizeRecorded, recordedKind } from '../../../../test/support/python-values.js';
import { resolvePlainTag } from './yaml11-scalars.js';

/** Cases recorded from PyYAML's safe_load by test/fixtures/yaml/record.py. */
interface RecordedOutcome {
  value?: unknown;
  error?: string;
  line?: number;
}

interface RecordedCase extends RecordedOutcome {
  kind: 'scalar' | 'document';
  yaml: string;
  /** Set where libyaml, which Ansible parses with, differs from pure-Python PyYAML. */
  libyaml?: RecordedOutcome;
}

const recordings = JSON.parse(
  readFileSync(new URL('../../../../test/fixtures/yaml/pyyaml-recordings.json', import.meta.url), 'utf8'),
) as { cases: RecordedCase[] };

describe('YAML values match PyYAML safe_load recordings', () => {
  const cases = recordings.cases;

  it('has a substantial corpus', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
  });

  for (const recorded of cases) {
    const c = { ...recorded, ...(recorded.libyaml ?? {}) };
    if (recorded.libyaml !== undefined && 'value' in recorded.libyaml) delete c.error;
    const title = `${c.kind} ${JSON.stringify(c.yaml)}${recorded.libyaml ? ' (libyaml)' : ''}`;
    if (c.error !== undefined) {
      it(`${title} fails like PyYAML (${c.error})`, () => {
        let thrown: unknown;
        try {
          parseYaml(c.yaml, 'case.yml');
        } catch (err) {
          thrown = err;
        }
        expect(thrown).toBeInstanceOf(TsibleError);
        const err = thrown as TsibleError;
        expect(err.exitCode).toBe(4);
        expect(err.location?.file).toBe('case.yml');
        if (c.line !== undefined) expect(Math.abs((err.location?.line ?? 0) - c.line)).toBeLessThanOrEqual(1);
      });
      continue;
    }
    it(`${title} loads like PyYAML`, () => {
      const loaded = parseYaml(c.yaml, 'case.yml');
      let actual = encodeLoaded(loaded);
      // Sets come back as arrays of their members; compare as sorted lists.
      const expected = normalizeRecorded(c.value);
      if (c.yaml.includes('!!set')) actual = JSON.parse(JSON.stringify(actual), (_k, v: unknown) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? [...v].sort() : v));
      expect(actual).toEqual(expected);
      if (c.kind === 'scalar' && c.yaml !== '' && !/^['"]/.test(c.yaml)) {
        const kind = recordedKind(c.value);
        if (kind !== 'other') expect(resolvePlainTag(c.yaml)).toBe(kind);
      }
    });
  }
});
