import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURES, normaliseOutput, readCase, runCase, UNORDERED_CASES } from './golden-case.js';

const CLI = fileURLToPath(new URL('../../packages/engine/bin/tsible.js', import.meta.url));

/** Each host's result lines in order, and the recap: what must match when hosts may interleave. */
function perHost(stdout: string): { hosts: Record<string, string[]>; recap: string } {
  const text = normaliseOutput(stdout);
  const hosts: Record<string, string[]> = {};
  for (const line of text.split('\n')) {
    const m = /^(?:ok|changed|skipping|fatal|failed|included): \[([^\]]+)\]/.exec(line);
    if (m) (hosts[m[1]!] ??= []).push(line);
  }
  return { hosts, recap: text.slice(text.indexOf('PLAY RECAP')) };
}

describe('strategies where each host runs ahead match ansible-playbook per host', () => {
  it.each(UNORDERED_CASES)('%s', (name) => {
    const recorded = readCase(name);
    const got = runCase(name, recorded);
    expect(perHost(got.stdout)).toEqual(perHost(recorded.stdout));
    expect(got.rc).toBe(recorded.rc);
    expect(got.files).toEqual(recorded.files);
  });

  // ansible-playbook 2.14 ignores both under free and host_pinned and says so once (on stderr).
  it.each([
    ['86-free-max-fail', 'max_fail_percentage'],
    ['88-host-pinned-max-fail', 'max_fail_percentage'],
    ['87-free-any-errors-fatal', 'any_errors_fatal'],
  ])('%s warns once that %s does not apply', (name, keyword) => {
    const got = runCase(name, readCase(name));
    const warning = `[WARNING]: Using ${keyword} with the free strategy is not supported, as tasks are executed independently on each host\n`;
    expect(got.stderr.split(warning)).toHaveLength(2);
  });

  it('says NO MORE HOSTS LEFT under free only when every host of the batch is unreachable', () => {
    for (const name of ['101-free-unreachable', '89-free-batch-all-failed']) {
      const recorded = readCase(name);
      const count = (text: string): number => text.split('NO MORE HOSTS LEFT').length - 1;
      expect(count(runCase(name, recorded).stdout)).toBe(count(recorded.stdout));
    }
  });

  it('runs a run_once task on every host under free, and warns once', () => {
    const got = runCase('98-free-run-once', readCase('98-free-run-once'));
    expect(got.stderr).toBe('[WARNING]: Using run_once with the free strategy is not currently supported. This task will still be executed for every host in the inventory list.\n');
  });

  it('refuses add_host under free, as Ansible does, after the tasks before it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tsible-free-add-host.'));
    try {
      writeFileSync(join(dir, 'site.yml'), '- hosts: k1,k2\n  gather_facts: false\n  strategy: free\n  tasks:\n    - debug: msg=hi\n    - add_host: name=new1\n');
      const r = spawnSync(process.execPath, [CLI, 'playbook', '-i', join(FIXTURES, 'fleet.ini'), join(dir, 'site.yml')], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('ok: [k1] => {');
      expect(r.stdout).not.toContain('PLAY RECAP');
      expect(r.stderr).toContain(`ERROR! ${join(dir, 'site.yml')}:6:7: The 'add_host' module bypasses the host loop, which is currently not supported in the free strategy and would instead execute for every host in the inventory list.`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lets a fast host finish before a slow one gets past its first task', () => {
    const recorded = readCase('82-strategy-free');
    const got = runCase('82-strategy-free', { ...recorded, args: `${recorded.args} -f 5` });
    const lines = got.stdout.split('\n');
    const k1Slow = lines.findIndex((l) => l.startsWith('ok: [k1]'));
    const k3Done = lines.findIndex((l) => l.startsWith('changed: [k3]'));
    expect(k3Done).toBeGreaterThan(-1);
    expect(k3Done).toBeLessThan(k1Slow);
    expect(perHost(got.stdout)).toEqual(perHost(recorded.stdout));
  });
});
