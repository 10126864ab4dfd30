import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeLab, labInfo, sshRun, useLabHosts } from '../lab/lab.js';

const CLI = fileURLToPath(new URL('../../packages/engine/bin/tsible.js', import.meta.url));

// A lab host shares the machine's kernel, so its boot is told by the start time of its own PID 1.
const PLAYBOOK = `
- name: reboot and carry on
  hosts: box
  gather_facts: false
  tasks:
    - name: leave a mark in tmpfs-free storage
      shell: echo before > /root/tsible-before-reboot
    - name: reboot
      reboot:
        reboot_command: reboot
        boot_time_command: cut -d' ' -f22 /proc/1/stat
        reboot_timeout: 90
      register: rebooted
    - name: wait for the connection
      wait_for_connection:
        timeout: 60
    - name: next task
      shell: cat /root/tsible-before-reboot; echo after > /root/tsible-after-reboot
      register: next
    - name: show
      debug:
        msg: "{{ rebooted.rebooted }} {{ next.stdout }}"
`;

describeLab('reboot on a lab host', () => {
  const reserved = useLabHosts(1);
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tsible-reboot-lab.'));
    writeFileSync(join(dir, 'site.yml'), PLAYBOOK);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reboots, sees the new boot, reconnects and runs the next task', async () => {
    const [host] = reserved();
    const state = labInfo();
    const bootBefore = (await sshRun(host!, "cut -d' ' -f22 /proc/1/stat")).stdout;
    writeFileSync(
      join(dir, 'hosts.ini'),
      [`box ansible_host=${host!.address} ansible_user=root ansible_ssh_private_key_file=${state.keyFile} ansible_ssh_common_args='-o UserKnownHostsFile=${state.knownHostsFile} -o StrictHostKeyChecking=yes'`, ''].join('\n'),
    );
    const r = spawnSync(process.execPath, [CLI, 'playbook', '-i', join(dir, 'hosts.ini'), join(dir, 'site.yml')], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 200_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('changed: [box]');
    expect(r.stdout).toContain('"msg": "True before"');
    expect((await sshRun(host!, 'cat /root/tsible-after-reboot')).stdout).toBe('after\n');
    expect((await sshRun(host!, "cut -d' ' -f22 /proc/1/stat")).stdout).not.toBe(bootBefore);
  }, 240_000);
});
