/**
 * Cases recorded from ansible 2.14 (test/fixtures/modules-system/record.py),
 * run in the same order with tsible on a pristine lab host: same outcome, keys,
 * messages and diff. A case marked `differs` is one where tsible deliberately
 * answers in its own words; only its outcome is compared.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describeLab, resetHost } from '../lab/lab.js';
import { HOST_FIXTURES, onHost, putFixture, runModule, useOneLabHost } from './run-module.js';

/** Files a case's setup installs on the host: copied there first, as HOST_FIXTURES. */
const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url));

interface Recorded {
  case: { args: string; module?: string; check?: boolean; diff?: boolean; setup?: string; differs?: string; compare?: string; subset?: string[] };
  rc: number;
  result: Record<string, unknown>;
}

function recordingsOf(module: string): Recorded[] {
  return JSON.parse(readFileSync(new URL(`../fixtures/modules-system/${module}-recordings.json`, import.meta.url), 'utf8')) as Recorded[];
}

/** What must match: outcome, the keys returned, messages of failures, cache flag, diff and before/after. */
/** The named entries of each fact (packages, services): the rest is the machine's own set. */
function someFacts(result: Record<string, unknown>, names: readonly string[]): unknown {
  const facts = (result['ansible_facts'] ?? {}) as Record<string, Record<string, unknown>>;
  return Object.fromEntries(Object.entries(facts).map(([fact, entries]) => [fact, Object.fromEntries(names.filter((n) => n in entries).map((n) => [n, entries[n]]))]));
}

function comparable(result: Record<string, unknown>, rc: number, outcomeOnly: boolean, facts: readonly string[] | undefined): Record<string, unknown> {
  if (outcomeOnly) return { rc, failed: result['failed'] ?? false, changed: result['changed'] };
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
    before: result['before'],
    after: result['after'],
    status: result['status'],
    ...(facts !== undefined ? { ansible_facts: someFacts(result, facts) } : {}),
  };
}

describeLab('modules against ansible 2.14 recordings', () => {
  const host = useOneLabHost();

  it.each([
    'apt', 'dpkg_selections', 'package', 'package_facts', 'service', 'service_facts',
    'apt_repository', 'iptables_state', 'timezone', 'locale_gen', 'modprobe', 'apt_states',
  ])('%s gives the recorded result for each case of its sequence', async (module) => {
    await resetHost(host().name);
    for (const fixture of ['tsible-demo.init', 'signed-repo.sh', 'source-repo.sh']) putFixture(host(), `${FIXTURES}/${fixture}`);
    for (const recorded of recordingsOf(module)) {
      if (recorded.case.setup !== undefined) onHost(host(), recorded.case.setup.replaceAll('__FIXTURES__', HOST_FIXTURES));
      const extra = [...(recorded.case.check === true ? ['--check'] : []), ...(recorded.case.diff === true ? ['--diff'] : [])];
      const r = runModule(host(), recorded.case.module ?? module, recorded.case.args, extra);
      const outcomeOnly = recorded.case.differs !== undefined;
      const facts = recorded.case.compare === 'ansible_facts' ? (recorded.case.subset ?? []) : undefined;
      expect({ args: recorded.case.args, ...comparable(r.result, r.code, outcomeOnly, facts) }).toEqual({
        args: recorded.case.args,
        ...comparable(recorded.result, recorded.rc, outcomeOnly, facts),
      });
    }
  }, 600_000);
});
