import { readFileSync } from 'node:fs';
import { encodeLoaded, normalizeRecorded } from '../../../../test/support/python-values.js';
import { TsibleError } from '../errors/tsible-error.js';
import { RecordingSink } from '../output/events.js';
import { parseJsonOrYaml } from './yaml.js';

/** Cases recorded from Ansible's DataLoader (from_yaml) by test/fixtures/yaml/record_ansible.py. */
interface RecordedCase {
  yaml: string;
  value?: unknown;
  error?: string;
  warnings: string[];
}

const recordings = JSON.parse(
  readFileSync(new URL('../../../../test/fixtures/yaml/ansible-loader-recordings.json', import.meta.url), 'utf8'),
) as { cases: RecordedCase[] };

describe("parseJsonOrYaml matches Ansible's loader", () => {
  for (const c of recordings.cases) {
    it(JSON.stringify(c.yaml), () => {
      const sink = new RecordingSink();
      if (c.error !== undefined) {
        expect(() => parseJsonOrYaml(c.yaml, 'case.yml', { sink })).toThrow(TsibleError);
        return;
      }
      expect(encodeLoaded(parseJsonOrYaml(c.yaml, 'case.yml', { sink }))).toEqual(normalizeRecorded(c.value));
      const warnings = sink.messages('warning');
      expect(warnings).toHaveLength(c.warnings.length);
      // tsible adds which lines hold the duplicate after Ansible's text.
      c.warnings.forEach((text, i) => expect(warnings[i]?.startsWith(text)).toBe(true));
    });
  }
});
