import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeLab, sshRun, useLabHosts } from '../lab/lab.js';
import { labInventory } from './lab-support.js';
import type { LabHost } from '../../packages/engine/src/lab/index.js';

const CLI = fileURLToPath(new URL('../../packages/engine/bin/tsible.js', import.meta.url));

const PLAYBOOK = `
- name: across lab hosts
  hosts: targets
  tasks:
    - name: leave a marker once
      shell: test -f /root/tsible-marker && echo present || { echo made > /root/tsible-marker; echo created; }
      register: marker
      changed_when: "'created' in marker.stdout"
      notify: record handler
    - name: one host fails
      fail:
        msg: "{{ inventory_hostname }} fails on purpose"
      when: inventory_hostname == fail_host | default('')
    - name: become another user
      command: id -un
      become: true
      become_user: tester
      register: who
      changed_when: false
    - name: the distribution came from the fact script
      assert:
        that:
          - who.stdout == 'tester'
          - ansible_facts.system == 'Linux'
          - ansible_default_ipv4.address == ansible_host
  handlers:
    - name: record handler
      shell: echo handled >> /root/tsible-handled
`;

function inventoryFor(hosts: readonly LabHost[], withGhost: boolean): string {
  // Nothing listens on port 1: the host is unreachable at once.
  return labInventory(hosts, 'targets', withGhost ? ['ghost ansible_host=127.0.0.1 ansible_port=1'] : []);
}

function recapOf(stdout: string, host: string): string {
  const line = stdout.split('\n').find((l) => l.startsWith(`${host} `));
  return (line ?? '').replace(/\s+/g, ' ').trim();
}

describeLab('tsible playbook on lab hosts', () => {
  const reserved = useLabHosts(2);
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tsible-runner-lab.'));
    writeFileSync(join(dir, 'site.yml'), PLAYBOOK);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (inventory: string, extra: string[] = []) => {
    writeFileSync(join(dir, 'hosts.ini'), inventory);
    return spawnSync(process.execPath, [CLI, 'playbook', '-i', join(dir, 'hosts.ini'), ...extra, join(dir, 'site.yml')], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });
  };

  it('an unreachable host and a failing one drop out, the others go on (exit 4)', async () => {
    const [good, bad] = reserved() as [LabHost, LabHost];
    const r = run(inventoryFor([good, bad], true), ['-e', `fail_host=${bad.name}`]);
    expect(r.stdout).toMatch(/fatal: \[ghost\]: UNREACHABLE! =>/);
    expect(r.stdout).toContain(`fatal: [${bad.name}]: FAILED! => {"changed": false, "msg": "${bad.name} fails on purpose"}`);
    expect(recapOf(r.stdout, 'ghost')).toBe('ghost : ok=0 changed=0 unreachable=1 failed=0 skipped=0 rescued=0 ignored=0');
    expect(recapOf(r.stdout, bad.name)).toBe(`${bad.name} : ok=2 changed=1 unreachable=0 failed=1 skipped=0 rescued=0 ignored=0`);
    expect(recapOf(r.stdout, good.name)).toBe(`${good.name} : ok=5 changed=2 unreachable=0 failed=0 skipped=1 rescued=0 ignored=0`);
    expect(r.status).toBe(4);
    // The handler ran on the host that went on, not on the one that failed before the flush.
    expect((await sshRun(good, 'cat /root/tsible-handled')).stdout).toBe('handled\n');
    expect((await sshRun(bad, 'test -e /root/tsible-handled; echo $?')).stdout).toBe('1\n');
  }, 180_000);

  it('a second run changes nothing; a failing host alone exits 2', async () => {
    const [good, bad] = reserved() as [LabHost, LabHost];
    const again = run(inventoryFor([good], false));
    expect(again.status).toBe(0);
    expect(recapOf(again.stdout, good.name)).toBe(`${good.name} : ok=4 changed=0 unreachable=0 failed=0 skipped=1 rescued=0 ignored=0`);
    const failing = run(inventoryFor([good, bad], false), ['-e', `fail_host=${bad.name}`]);
    expect(failing.status).toBe(2);
  }, 180_000);
});
