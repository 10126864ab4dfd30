import { readFileSync } from 'node:fs';
import { pythonJson } from '../../inventory/output/python-json.js';

interface JsonRecording {
  value: unknown;
  none: string;
  zero: string;
  four: string;
}

const recordings = JSON.parse(readFileSync(new URL('../../../../../test/fixtures/adhoc/json-dumps-recordings.json', import.meta.url), 'utf8')) as JsonRecording[];

// The ad-hoc callbacks print results with indent=4 (minimal) and indent=0 with newlines removed (oneline).
describe("pythonJson matches Python's json.dumps(sort_keys=True, ensure_ascii=False) as the ad-hoc callbacks call it (recorded)", () => {
  it.each(recordings.map((r) => [r.none, r] as const))('%s', (_label, r) => {
    expect(pythonJson(r.value, 0)).toBe(r.zero);
    expect(pythonJson(r.value, 4)).toBe(r.four);
  });
});
