import { spawnSync } from 'node:child_process';
import { describeLab, useLabHosts } from '../lab/lab.js';
import { playbookDir } from './lab-support.js';

// From one lab host, wait for what another host's sshd says on connect; then
// wait for port 22 to drain on the first host, where our own session is open.
const PLAYBOOK = `
- name: wait_for between lab hosts
  hosts: targets
  gather_facts: false
  tasks:
    - name: the peer's sshd banner
      wait_for:
        host: "{{ peer }}"
        port: 22
        search_regex: '^SSH-2\\.0-(?P<impl>\\w+)'
        timeout: 30
      register: banner
    - name: the peer's port is open
      wait_for:
        host: "{{ peer }}"
        port: 22
        timeout: 30
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

describeLab('wait_for on lab hosts', () => {
  const reserved = useLabHosts(2);

  it('reads a port on another host until search_regex matches, and tells a drained port from a busy one', () => {
    const [box, peer] = reserved();
    const run = playbookDir('tsible-wait-for-lab.', [box!], PLAYBOOK);
    const r = spawnSync(process.execPath, run.argv('-v', '-e', `peer=${peer!.address}`), { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 150_000 });
    run.remove();
    expect(r.status).toBe(0);
    const stdout = r.stdout.split(`[${box!.name}]`).join('[box]');
    const results = stdout.split('\n').filter((l) => /^(ok|fatal|changed): \[box\]/.test(l));
    expect(results).toHaveLength(6);
    expect(results[0]).toMatch(/^ok: \[box\] => \{"changed": false, "elapsed": \d+, "match_groupdict": \{\}, "match_groups": \[\], "path": null, /);
    expect(results[0]).toContain('"port": 22, "search_regex": "^SSH-2\\\\.0-(?P<impl>\\\\w+)", "state": "started"}');
    expect(results[1]).toMatch(/^ok: \[box\] => .*"port": 22, "search_regex": null, "state": "started"/);
    expect(results[2]).toContain(`fatal: [box]: FAILED! => {"changed": false, "elapsed": `);
    expect(results[2]).toContain(`"msg": "Timeout when waiting for search string never said in ${peer!.address}:22"}`);
    expect(results[4]).toContain('"msg": "Timeout when waiting for 0.0.0.0:22 to drain"');
    expect(results[5]).toMatch(/^ok: \[box\] => .*"state": "drained"/);
    expect(r.stdout).toMatch(new RegExp(`${box!.name}\\s+: ok=6 .* failed=0 .* ignored=2`));
  }, 180_000);
});
