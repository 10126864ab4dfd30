import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeLab, labInfo, sshRun, useLabHosts } from '../lab/lab.js';
import type { LabHost } from '../../packages/engine/src/lab/index.js';

const CLI = fileURLToPath(new URL('../../packages/engine/bin/tsible.js', import.meta.url));

// Three hosts at a time; the upgrade breaks on two hosts of the second batch,
// more than max_fail_percentage allows, so the rollout stops there.
const PLAYBOOK = `
- name: rolling upgrade
  hosts: fleet
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
  hosts: fleet
  gather_facts: false
  tasks:
    - name: after
      shell: echo later > /root/tsible-later
`;

function inventoryFor(hosts: readonly LabHost[]): string {
  const state = labInfo();
  return [
    '[fleet]',
    ...hosts.map((h) => `${h.name} ansible_host=${h.address}`),
    '',
    '[fleet:vars]',
    'ansible_user=root',
    `ansible_ssh_private_key_file=${state.keyFile}`,
    `ansible_ssh_common_args='-o UserKnownHostsFile=${state.knownHostsFile} -o StrictHostKeyChecking=yes'`,
    '',
  ].join('\n');
}

describeLab('rolling updates on lab hosts', () => {
  const reserved = useLabHosts(10);
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tsible-rolling-lab.'));
    writeFileSync(join(dir, 'site.yml'), PLAYBOOK);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('failures in the second batch stop the rollout: later batches and plays never touch their hosts', async () => {
    const hosts = reserved();
    expect(hosts).toHaveLength(10);
    writeFileSync(join(dir, 'hosts.ini'), inventoryFor(hosts));
    const broken = [hosts[3]!.name, hosts[5]!.name];
    // Every host starts with the old release; what is never touched must keep it, to the nanosecond.
    const fingerprint = async (host: LabHost): Promise<string> => (await sshRun(host, "cat /root/tsible-rolled; stat -c '%y %i' /root/tsible-rolled; ls /root/tsible-later 2>&1; true")).stdout;
    const before = new Map<string, string>();
    for (const host of hosts) {
      await sshRun(host, 'rm -f /root/tsible-later; echo old > /root/tsible-rolled');
      before.set(host.name, await fingerprint(host));
    }
    const r = spawnSync(process.execPath, [CLI, 'playbook', '-i', join(dir, 'hosts.ini'), '-e', JSON.stringify({ broken }), join(dir, 'site.yml')], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 240_000,
    });
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
