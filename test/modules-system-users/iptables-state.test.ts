/**
 * iptables_state on a lab host (iptables-nft in the host's own network
 * namespace). The rollback cases run as playbooks, where `async`/`poll` live:
 * a restore that locks the controller out must be rolled back on the target.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeLab, labInventoryPath, useLabHosts } from '../lab/lab.js';
import { onHost, tsibleRun } from './run-module.js';

const CLI = fileURLToPath(new URL('../../packages/engine/bin/tsible.js', import.meta.url));

/** Rule files on the host: one that keeps ssh open and opens 8080, one that drops ssh (a lockout). */
const RULES = (extra: string): string => `*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\n${extra}COMMIT\n`;
const OPEN = RULES('-A INPUT -p tcp -m tcp --dport 8080 -j ACCEPT\n');
const LOCKOUT = `*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n-A INPUT -p tcp -m tcp --dport 22 -j DROP\nCOMMIT\n`;

describeLab('iptables_state on a lab host', () => {
  const hosts = useLabHosts(1);
  const host = (): string => hosts()[0]?.name ?? '';
  const rules = (): Promise<string> => onHost(host(), 'iptables -S');
  let dir = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tsible-iptables-state-'));
    await onHost(host(), `iptables -F; iptables -X; printf '${OPEN.replaceAll('\n', '\\n')}' > /root/open.v4; printf '${LOCKOUT.replaceAll('\n', '\\n')}' > /root/lockout.v4`);
  }, 60_000);

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    if (host() !== '') await onHost(host(), 'iptables -P INPUT ACCEPT; iptables -F; iptables -X');
  });

  /** Runs one iptables_state task with the given task keywords; its registered result is read back from the host. */
  function playTask(args: string, keywords: string, vars = 'ansible_timeout: 3'): { code: number; seconds: number; output: string } {
    const playbook = join(dir, 'play.yml');
    writeFileSync(
      playbook,
      [
        `- hosts: ${host()}`,
        '  gather_facts: false',
        `  vars: { ${vars} }`,
        '  tasks:',
        `    - iptables_state: { ${args} }`,
        `      ${keywords}`,
        '      register: r',
        '      ignore_errors: true',
        '    - copy: { content: "{{ r | to_json }}", dest: /root/result.json }',
        '',
      ].join('\n'),
    );
    const start = Date.now();
    const run = spawnSync(process.execPath, [CLI, 'playbook', '-i', labInventoryPath(), playbook], { encoding: 'utf8', timeout: 120_000 });
    return { code: run.status ?? -1, seconds: (Date.now() - start) / 1000, output: `${run.stdout}${run.stderr}` };
  }

  const registered = async (): Promise<Record<string, unknown>> => JSON.parse(await onHost(host(), 'cat /root/result.json')) as Record<string, unknown>;

  it('saves the rules to a file: check mode writes nothing, then changed, then ok', async () => {
    await onHost(host(), 'iptables -A INPUT -p tcp --dport 22 -j ACCEPT');
    const check = tsibleRun(host(), 'iptables_state', 'path=/root/saved.v4 state=saved', ['--check']);
    expect(check.caption).toBe('CHANGED');
    expect(await onHost(host(), '[ -e /root/saved.v4 ] && echo present || echo absent')).toBe('absent\n');
    const save = tsibleRun(host(), 'iptables_state', 'path=/root/saved.v4 state=saved');
    expect(save.caption).toBe('CHANGED');
    expect(save.result['tables']).toEqual({ filter: [':INPUT ACCEPT', ':FORWARD ACCEPT', ':OUTPUT ACCEPT', '-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT'] });
    expect(await onHost(host(), 'stat -c %a /root/saved.v4; grep -c -- "--dport 22" /root/saved.v4')).toBe('600\n1\n');
    expect(tsibleRun(host(), 'iptables_state', 'path=/root/saved.v4 state=saved').caption).toBe('SUCCESS');
  }, 60_000);

  it('restores without async (with Ansible warning): check mode applies nothing, then changed, then ok', async () => {
    const before = await rules();
    const check = tsibleRun(host(), 'iptables_state', 'path=/root/open.v4 state=restored', ['--check']);
    expect(check.caption).toBe('CHANGED');
    expect(await rules()).toBe(before);
    const restore = tsibleRun(host(), 'iptables_state', 'path=/root/open.v4 state=restored');
    expect(restore.caption).toBe('CHANGED');
    expect(restore.result).toMatchObject({ applied: true, cmd: '/usr/sbin/iptables-restore /root/open.v4' });
    expect(await rules()).toContain('-A INPUT -p tcp -m tcp --dport 8080 -j ACCEPT');
    expect(tsibleRun(host(), 'iptables_state', 'path=/root/open.v4 state=restored').caption).toBe('SUCCESS');
  }, 60_000);

  it('a file iptables-restore refuses fails before anything is applied', async () => {
    await onHost(host(), "printf '*filter\\n-A INPUT -p tcp --bogus 1 -j ACCEPT\\nCOMMIT\\n' > /root/broken.v4");
    const before = await rules();
    const r = tsibleRun(host(), 'iptables_state', 'path=/root/broken.v4 state=restored');
    expect(r.caption).toBe('FAILED!');
    expect(r.result).toMatchObject({ msg: 'Source /root/broken.v4 is not suitable for input to iptables-restore', applied: false });
    expect(await rules()).toBe(before);
  }, 60_000);

  it('with async and poll 0, a restore the controller can confirm stays', async () => {
    await onHost(host(), 'iptables -F');
    const run = playTask('path: /root/open.v4, state: restored', 'async: 5\n      poll: 0');
    expect(run.code).toBe(0);
    expect(await registered()).toMatchObject({ changed: true, applied: true });
    expect(await registered()).not.toHaveProperty('failed');
    expect(await rules()).toContain('--dport 8080 -j ACCEPT');
    expect(await onHost(host(), 'ls /tmp | grep -c tsible-iptables-state || true')).toBe('0\n');
  }, 120_000);

  it('with async and poll 0, a restore that locks the controller out is rolled back on the target', async () => {
    const before = await rules();
    const run = playTask('path: /root/lockout.v4, state: restored', 'async: 5\n      poll: 0');
    expect(run.code).toBe(0);
    const result = await registered();
    expect(result).toMatchObject({
      failed: true,
      applied: false,
      changed: false,
      msg: 'Failed to confirm state restored from /root/lockout.v4 after 5s. Firewall has been rolled back to its initial state.',
    });
    expect(result['restored']).toContain('-A INPUT -p tcp -m tcp --dport 22 -j DROP');
    expect(await rules()).toBe(before);
    // The rollback came from the target, after the window, not from a controller that gave up.
    expect(run.seconds).toBeGreaterThanOrEqual(5);
  }, 120_000);

  it('without async the restore runs at once, with Ansible warning that nothing can roll it back', async () => {
    await onHost(host(), 'iptables -F');
    const run = playTask('path: /root/open.v4, state: restored', 'timeout: 60');
    expect(run.output).toContain('[WARNING]: Attempts to restore iptables state without rollback in case of mistake');
    expect(await registered()).toMatchObject({ changed: true, applied: true });
  }, 60_000);

  it('async with a poll interval is refused, as Ansible refuses it', async () => {
    playTask('path: /root/open.v4, state: restored', 'async: 5\n      poll: 3');
    expect(String((await registered())['msg'])).toMatch(/^This module doesn't support async>0 and poll>0 when its 'state' param is set to 'restored'\./);
  }, 60_000);
});
