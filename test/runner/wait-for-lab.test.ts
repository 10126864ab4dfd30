import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeLab, labInfo, useLabHosts } from '../lab/lab.js';
import type { LabHost } from '../../packages/engine/src/lab/index.js';

const CLI = fileURLToPath(new URL('../../packages/engine/bin/tsible.js', import.meta.url));

// From one lab host, wait for what another host's sshd says on connect; then
// wait for port 22 to drain on the first host, where our own session is open.
const PLAYBOOK = `
- name: wait_for between lab hosts
  hosts: box
  gather_facts: false
  tasks:
    - name: the peer's sshd banner
      wait_for:
        host: "{{ peer }}"
        port: 22
        search_regex: '^SSH-2\\.0-(?P<impl>\\w+)'
        timeout: 30
      register: banner
    - name: a banner that never comes
      wait_for:
        host: "{{ peer }}"
        port: 22
        search_regex: never said
        timeout: 2
      ignore_errors: true
    - name: our own address, as the host sees it
      shell: echo "\${SSH_CLIENT%% *}"
      register: me
      changed_when: false
    - name: our session keeps port 22 busy
      wait_for:
        host: 0.0.0.0
        port: 22
        state: drained
        timeout: 2
      ignore_errors: true
    - name: drained once our address is excluded
      wait_for:
        host: 0.0.0.0
        port: 22
        state: drained
        exclude_hosts: ["{{ me.stdout }}"]
        timeout: 20
`;

function inventoryFor(box: LabHost, peer: LabHost): string {
  const state = labInfo();
  return [
    `box ansible_host=${box.address} ansible_user=root peer=${peer.address} ansible_ssh_private_key_file=${state.keyFile} ansible_ssh_common_args='-o UserKnownHostsFile=${state.knownHostsFile} -o StrictHostKeyChecking=yes'`,
    '',
  ].join('\n');
}

describeLab('wait_for on lab hosts', () => {
  const reserved = useLabHosts(2);
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tsible-wait-for-lab.'));
    writeFileSync(join(dir, 'site.yml'), PLAYBOOK);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a port on another host until search_regex matches, and tells a drained port from a busy one', () => {
    const [box, peer] = reserved();
    writeFileSync(join(dir, 'hosts.ini'), inventoryFor(box!, peer!));
    const r = spawnSync(process.execPath, [CLI, 'playbook', '-v', '-i', join(dir, 'hosts.ini'), join(dir, 'site.yml')], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 150_000 });
    expect(r.status).toBe(0);
    const results = r.stdout.split('\n').filter((l) => /^(ok|fatal|changed): \[box\]/.test(l));
    expect(results).toHaveLength(5);
    expect(results[0]).toMatch(/^ok: \[box\] => \{"changed": false, "elapsed": \d+, "match_groupdict": \{\}, "match_groups": \[\], "path": null, /);
    expect(results[0]).toContain('"port": 22, "search_regex": "^SSH-2\\\\.0-(?P<impl>\\\\w+)", "state": "started"}');
    expect(results[1]).toContain(`fatal: [box]: FAILED! => {"changed": false, "elapsed": `);
    expect(results[1]).toContain(`"msg": "Timeout when waiting for search string never said in ${peer!.address}:22"}`);
    expect(results[3]).toContain('"msg": "Timeout when waiting for 0.0.0.0:22 to drain"');
    expect(results[4]).toMatch(/^ok: \[box\] => .*"state": "drained"/);
    expect(r.stdout).toMatch(/box\s+: ok=5 .* failed=0 .* ignored=2/);
  }, 180_000);
});
