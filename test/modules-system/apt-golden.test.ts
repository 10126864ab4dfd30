/**
 * The apt cases recorded from ansible 2.14 (test/fixtures/modules-system/record-apt.py),
 * run in the same order with tsible on a pristine lab host: same outcome, keys,
 * messages and diff.
 */
import { readFileSync } from 'node:fs';
import { describeLab, useLabHosts } from '../lab/lab.js';
import { runModule } from './run-module.js';

interface Recorded {
  case: { args: string; check?: boolean; diff?: boolean };
  rc: number;
  result: Record<string, unknown>;
}

const recordings = JSON.parse(readFileSync(new URL('../fixtures/modules-system/apt-recordings.json', import.meta.url), 'utf8')) as Recorded[];

/** What must match: outcome, the keys returned, messages of failures, cache flag and diff. */
function comparable(result: Record<string, unknown>, rc: number): Record<string, unknown> {
  const keys = Object.keys(result)
    .filter((k) => !['invocation', 'stdout_lines', 'stderr_lines', 'warnings', 'ansible_facts'].includes(k))
    .sort();
  return {
    rc,
    keys,
    changed: result['changed'],
    failed: result['failed'] ?? false,
    msg: result['failed'] === true ? result['msg'] : undefined,
    cache_updated: result['cache_updated'],
    diff: result['diff'],
  };
}

describeLab('apt against ansible 2.14 recordings', () => {
  const hosts = useLabHosts(1);

  it('gives the recorded result for each case of the sequence', () => {
    const host = hosts()[0];
    if (!host) throw new Error('no lab host reserved');
    for (const recorded of recordings) {
      const extra = [...(recorded.case.check === true ? ['--check'] : []), ...(recorded.case.diff === true ? ['--diff'] : [])];
      const r = runModule(host, 'apt', recorded.case.args, extra);
      expect({ args: recorded.case.args, ...comparable(r.result, r.code) }).toEqual({ args: recorded.case.args, ...comparable(recorded.result, recorded.rc) });
    }
  }, 600_000);
});
