import { readFileSync } from 'node:fs';
import { shlexSplit, ShlexError } from './shlex-split.js';

interface KvRecording {
  args: string;
  parsed?: Record<string, string>;
  argv?: string[];
}

const recordings = (JSON.parse(readFileSync(new URL('../../../../test/fixtures/adhoc/kv-recordings.json', import.meta.url), 'utf8')) as KvRecording[]).filter(
  (r) => r.argv !== undefined,
);

describe("shlexSplit matches Python's shlex.split on the command module's free-form text (recorded)", () => {
  it.each(recordings.map((r) => [r.parsed?.['_raw_params'] ?? '', r.argv] as const))('%s', (raw, argv) => {
    expect(shlexSplit(raw)).toEqual(argv);
  });

  it("fails like Python on an open quote or a trailing backslash", () => {
    expect(() => shlexSplit('echo "open')).toThrow(new ShlexError('No closing quotation'));
    expect(() => shlexSplit('echo \\')).toThrow(new ShlexError('No escaped character'));
  });
});
