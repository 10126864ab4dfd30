import { spawnSync } from 'node:child_process';
import { describeLab, sshRun, useLabHosts } from '../lab/lab.js';
import type { LabHost } from '../../packages/engine/src/lab/index.js';
import { playbookDir } from './lab-support.js';

// Three hosts at a time; the upgrade breaks on two hosts of the second batch,
// more than max_fail_percentage allows, so the rollout stops there.
const PLAYBOOK = `
- name: rolling upgrade
  hosts: targets
  gather_facts: false
  serial: 3
  max_fail_percentage: 30
  tasks:
    - name: upgrade
      shell: "{{ 'exit 3' if inventory_hostname in broken else 'echo upgraded > /root/tsible-rolled' }}"
    - name: confirm
      command: cat /root/tsible-rolled
      changed_when: false

- name: never reached
  hosts: targets
  gather_facts: false
  tasks:
    - name: after
      shell: echo later > /root/tsible-later
`;

describeLab('rolling updates on lab hosts', () => {
  const reserved = useLabHosts(10);

  it('failures in the second batch stop the rollout: later batches and plays never touch their hosts', async () => {
    const hosts = reserved();
    expect(hosts).toHaveLength(10);
    const run = playbookDir('tsible-rolling-lab.', hosts, PLAYBOOK);
    const broken = [hosts[3]!.name, hosts[5]!.name];
    // Every host starts with the old release; what is never touched must keep it, to the nanosecond.
    const fingerprint = async (host: LabHost): Promise<string> => (await sshRun(host, "cat /root/tsible-rolled; stat -c '%y %i' /root/tsible-rolled; ls /root/tsible-later 2>&1; true")).stdout;
    const before = new Map<string, string>();
    for (const host of hosts) {
      await sshRun(host, 'rm -f /root/tsible-later; echo old > /root/tsible-rolled');
      before.set(host.name, await fingerprint(host));
    }
    const r = spawnSync(process.execPath, run.argv('-e', JSON.stringify({ broken })), {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 240_000,
    });
    run.remove();
    expect(r.status).toBe(2);
    expect(r.stdout.match(/^PLAY \[rolling upgrade\]/gm)).toHaveLength(2);
    expect(r.stdout).toContain('NO MORE HOSTS LEFT');
    expect(r.stdout).not.toContain('never reached');
    const untouched = hosts.slice(6);
    expect(r.stderr).toContain(`ABORTED: batch 2 of 4 stopped the playbook (max_fail_percentage 30: 2 of 3 hosts failed); never touched: ${untouched.map((h) => h.name).join(', ')}`);
    const state = async (host: LabHost): Promise<string> => (await sshRun(host, 'cat /root/tsible-rolled /root/tsible-later 2>/dev/null; true')).stdout;
    for (const host of hosts.slice(0, 3)) expect(await state(host)).toBe('upgraded\n');
    expect(await state(hosts[4]!)).toBe('upgraded\n');
    for (const host of [...broken.map((name) => hosts.find((h) => h.name === name)!), ...untouched]) {
      expect(await state(host)).toBe('old\n');
      expect(await fingerprint(host)).toBe(before.get(host.name));
    }
    for (const host of untouched) expect(r.stdout).not.toContain(`[${host.name}]`);
  }, 300_000);
});
