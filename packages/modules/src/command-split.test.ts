import { readFileSync } from 'node:fs';
import { shlexSplit, ShlexError } from '@tsible/engine/text/shlex';

interface KvRecording {
  args: string;
  parsed?: Record<string, string>;
  argv?: string[];
}

const recordings = (JSON.parse(readFileSync(new URL('../../../test/fixtures/adhoc/kv-recordings.json', import.meta.url), 'utf8')) as KvRecording[]).filter(
  (r) => r.argv !== undefined,
);

describe("the command module splits free-form text as Python's shlex.split (recorded)", () => {
  it.each(recordings.map((r) => [r.parsed?.['_raw_params'] ?? '', r.argv] as const))('%s', (raw, argv) => {
    expect(shlexSplit(raw, { comments: false })).toEqual(argv);
  });

  it('keeps # as an ordinary character, unlike inventory lines', () => {
    expect(shlexSplit('echo a#b # c', { comments: false })).toEqual(['echo', 'a#b', '#', 'c']);
  });

  it("fails like Python on an open quote or a trailing backslash", () => {
    expect(() => shlexSplit('echo "open', { comments: false })).toThrow(new ShlexError('No closing quotation'));
    expect(() => shlexSplit('echo \\', { comments: false })).toThrow(new ShlexError('No escaped character'));
  });
});
