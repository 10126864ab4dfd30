import { readFileSync } from 'node:fs';
import { isTsibleError } from '../../errors/tsible-error.js';
import { parseKv } from './parse-kv.js';
import { splitArgs } from './split-args.js';

/** Ansible 2.14's own answers, recorded by test/fixtures/playbook-args/record.py. */
interface Recorded {
  input: string;
  split?: string[];
  split_error?: string;
  kv?: Record<string, string>;
  kv_error?: string;
  kv_raw?: Record<string, string>;
  kv_raw_error?: string;
}
const recorded = JSON.parse(
  readFileSync(new URL('../../../../../test/fixtures/playbook-args/recorded.json', import.meta.url), 'utf8'),
) as Recorded[];

function outcome(fn: () => unknown): unknown {
  try {
    return fn();
  } catch (err) {
    return { error: isTsibleError(err) ? err.message : String(err) };
  }
}

describe('split-args and parse-kv match Ansible', () => {
  it.each(recorded.map((r) => [JSON.stringify(r.input), r] as const))('%s', (_name, r) => {
    const split = outcome(() => splitArgs(r.input));
    const kv = outcome(() => parseKv(r.input));
    const kvRaw = outcome(() => parseKv(r.input, true));
    if (r.split_error !== undefined) {
      // Python's IndexError text is an accident of its implementation; the unbalanced-quotes message is Ansible's own.
      if (r.split_error.startsWith('failed at splitting')) expect(split).toEqual({ error: r.split_error });
      else expect(split).toHaveProperty('error');
    }
    else expect(split).toEqual(r.split);
    if (r.kv_error !== undefined) expect(kv).toHaveProperty('error');
    else expect(kv).toEqual(r.kv);
    if (r.kv_raw_error !== undefined) expect(kvRaw).toHaveProperty('error');
    else expect(kvRaw).toEqual(r.kv_raw);
  });
});
