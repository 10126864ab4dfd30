import { readFileSync } from 'node:fs';
import { parseKv } from '../playbook/args/parse-kv.js';
import { splitArgs } from '../playbook/args/split-args.js';
import { isTsibleError } from '../errors/tsible-error.js';

interface KvRecording {
  args: string;
  checkRaw: boolean;
  split?: string[];
  parsed?: Record<string, string>;
  error?: string;
}

const recordings = JSON.parse(
  readFileSync(new URL('../../../../test/fixtures/adhoc/kv-recordings.json', import.meta.url), 'utf8'),
) as KvRecording[];

// Ad-hoc -a strings go through the same parser as task arguments; these cases are recorded from ansible 2.14.
describe('splitArgs / parseKv match ansible 2.14 (recorded)', () => {
  it.each(recordings.map((r) => [JSON.stringify(r.args), r] as const))('%s', (_label, r) => {
    if (r.error !== undefined) {
      expect(() => parseKv(r.args)).toThrow(r.error);
      return;
    }
    expect(splitArgs(r.args)).toEqual(r.split);
    expect(parseKv(r.args, r.checkRaw)).toEqual(r.parsed);
  });

  it('rejects unbalanced quotes with a parser error', () => {
    let caught: unknown;
    try {
      splitArgs('echo "unterminated');
    } catch (err) {
      caught = err;
    }
    expect(isTsibleError(caught) && caught.exitCode).toBe(4);
    expect(String(caught)).toContain('failed at splitting arguments, either an unbalanced jinja2 block or quotes');
  });
});
