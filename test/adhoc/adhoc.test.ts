/**
 * `tsible run` end to end: the built CLI against the lab's sshd hosts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeLab, labInfo, publicHosts } from '../lab/lab.js';

const CLI = fileURLToPath(new URL('../../packages/engine/bin/tsible.js', import.meta.url));

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function tsible(args: string[]): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ANSIBLE_NOCOLOR: '1' }, timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Lines of the form `host | CAPTION ...`, by host. */
function byHost(stdout: string): Map<string, string> {
  const blocks = new Map<string, string>();
  let current: string | undefined;
  const text = stdout.endsWith('\n') ? stdout.slice(0, -1) : stdout;
  for (const line of text.split('\n')) {
    const m = /^(\S+) \| /.exec(line);
    if (m?.[1] !== undefined) current = m[1];
    if (current !== undefined) blocks.set(current, `${blocks.get(current) ?? ''}${line}\n`);
  }
  return blocks;
}

describeLab('tsible run (ad-hoc) against lab hosts', () => {
  let work: string;
  let inventory: string;
  let hosts: string[];

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'tsible-adhoc-it-'));
    hosts = publicHosts()
      .slice(0, 3)
      .map((h) => h.name);
    // The lab inventory plus one host nothing listens for.
    const dead = 'deadhost ansible_host=127.0.0.1 ansible_port=1';
    inventory = join(work, 'hosts');
    writeFileSync(inventory, `${readFileSync(labInfo().inventoryFile, 'utf8')}\n[dead]\n${dead}\n`);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const pattern = (): string => hosts.join(',');

  it('runs command on several hosts and prints each output', () => {
    const r = tsible(['run', pattern(), '-i', inventory, '-a', 'hostname']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const blocks = byHost(r.stdout);
    for (const host of hosts) expect(blocks.get(host)).toBe(`${host} | CHANGED | rc=0 >>\n${host}\n`);
  });

  it('runs shell, raw and ping', () => {
    const shell = tsible(['run', pattern(), '-i', inventory, '-m', 'shell', '-a', 'echo one | tr a-z A-Z; echo err >&2']);
    expect(shell.code).toBe(0);
    for (const host of hosts) expect(byHost(shell.stdout).get(host)).toBe(`${host} | CHANGED | rc=0 >>\nONEerr\n`);

    const raw = tsible(['run', hosts[0] ?? '', '-i', inventory, '-m', 'raw', '-a', 'echo raw']);
    expect(raw.code).toBe(0);
    expect(raw.stdout.startsWith(`${hosts[0]} | CHANGED | rc=0 >>\nraw\n`)).toBe(true);

    const ping = tsible(['run', pattern(), '-i', inventory, '-m', 'ping']);
    expect(ping.code).toBe(0);
    for (const host of hosts) expect(byHost(ping.stdout).get(host)).toBe(`${host} | SUCCESS => {\n    "changed": false,\n    "ping": "pong"\n}\n`);
  });

  it('goes on past an unreachable host and exits 4', () => {
    const r = tsible(['run', `${pattern()},deadhost`, '-i', inventory, '-m', 'ping', '-T', '3']);
    expect(r.code).toBe(4);
    const blocks = byHost(r.stdout);
    for (const host of hosts) expect(blocks.get(host)).toContain(`${host} | SUCCESS =>`);
    expect(blocks.get('deadhost')).toMatch(/^deadhost \| UNREACHABLE! => \{\n {4}"changed": false,\n {4}"msg": ".+",\n {4}"unreachable": true\n\}\n$/);
  });

  it('exits 2 when a command fails, showing rc, output and msg', () => {
    const r = tsible(['run', hosts[0] ?? '', '-i', inventory, '-m', 'shell', '-a', 'echo out; exit 3']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(`${hosts[0]} | FAILED | rc=3 >>\noutnon-zero return code\n`);
  });

  it('becomes root with -b from a user with passwordless sudo', () => {
    const user = labInfo().users.find((u) => u.sudo === 'nopasswd');
    if (user === undefined) throw new Error('the lab has no passwordless sudo user');
    // The lab inventory sets ansible_user, which wins over -u as in Ansible; -e wins over both.
    const asUser = ['-e', `ansible_user=${user.name}`];
    const plain = tsible(['run', hosts[0] ?? '', '-i', inventory, ...asUser, '-a', 'id -un']);
    expect(plain.stdout).toBe(`${hosts[0]} | CHANGED | rc=0 >>\n${user.name}\n`);
    const become = tsible(['run', hosts[0] ?? '', '-i', inventory, ...asUser, '-b', '-a', 'id -un']);
    expect(become.code).toBe(0);
    expect(become.stdout).toBe(`${hosts[0]} | CHANGED | rc=0 >>\nroot\n`);
  });

  it('becomes root with a sudo password from --become-password-file, and logs in with --connection-password-file', () => {
    const lab = labInfo();
    const user = lab.users.find((u) => u.sudo === 'password');
    if (user === undefined) throw new Error('the lab has no sudo-with-password user');
    const passwordFile = join(work, 'password');
    writeFileSync(passwordFile, `${lab.password}\n`, { mode: 0o600 });
    // No key for this login: only the password file gets in.
    const asUser = ['-e', `ansible_user=${user.name}`, '-e', 'ansible_ssh_private_key_file=/nonexistent', '--connection-password-file', passwordFile];
    const r = tsible(['run', hosts[0] ?? '', '-i', inventory, ...asUser, '-b', '--become-password-file', passwordFile, '-a', 'id -un']);
    expect(r.stderr).not.toContain(lab.password);
    expect(r.stdout).toBe(`${hosts[0]} | CHANGED | rc=0 >>\nroot\n`);
    expect(r.code).toBe(0);
  });

  it('templates arguments and connection variables per host', () => {
    const user = labInfo().users.find((u) => u.sudo === 'nopasswd');
    if (user === undefined) throw new Error('the lab has no passwordless sudo user');
    const r = tsible([
      'run', pattern(), '-i', inventory, '-o',
      '-e', `login=${user.name}`, '-e', 'ansible_user={{ login }}',
      '-m', 'shell', '-a', 'echo {{ inventory_hostname }} {{ groups.all | length }} $(id -un)',
    ]);
    expect(r.code).toBe(0);
    const total = readFileSync(inventory, 'utf8').split('\n').filter((l) => /^\S+ ansible_host=/.test(l)).length;
    for (const host of hosts) expect(r.stdout).toContain(`${host} | CHANGED | rc=0 | (stdout) ${host} ${total} ${user.name}\n`);
  });

  it('prints one line per host with -o', () => {
    const r = tsible(['run', pattern(), '-i', inventory, '-o', '-m', 'shell', '-a', 'printf "a\\nb"']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l !== '').sort()).toEqual(hosts.map((h) => `${h} | CHANGED | rc=0 | (stdout) a\\nb`).sort());
  });

  it('prints each result\'s diff before its status line with --diff, as ansible -D does', () => {
    const host = hosts[0]!;
    const dest = `/tmp/tsible-adhoc-diff-${process.pid}`;
    const args = ['run', host, '-i', inventory, '-m', 'copy', '-a', `dest=${dest} content='a\\nb\\n'`];
    const first = tsible([...args, '--diff']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`^--- before\\n\\+\\+\\+ after: dynamically generated\\n@@ -0,0 \\+1,2 @@\\n\\+a\\n\\+b\\n\\n${host} \\| CHANGED => \\{`));
    // Nothing differs: Ansible still displays the (empty) diff text as a line.
    const second = tsible([...args, '--diff']);
    expect(second.stdout).toMatch(new RegExp(`^\\n${host} \\| SUCCESS => \\{`));
    // Without --diff, and with the one-line callback, no diff is shown.
    expect(tsible(args).stdout).toMatch(new RegExp(`^${host} \\| SUCCESS => \\{`));
    expect(tsible([...args, '--diff', '-o']).stdout).toMatch(new RegExp(`^${host} \\| SUCCESS => \\{`));
    tsible(['run', host, '-i', inventory, '-m', 'file', '-a', `path=${dest} state=absent`]);
  });

  it('prints one JSON document with --json', () => {
    const r = tsible(['run', `${pattern()},deadhost`, '-i', inventory, '--json', '-a', 'true', '-T', '3']);
    expect(r.code).toBe(4);
    const doc = JSON.parse(r.stdout) as { hosts: Record<string, Record<string, unknown>>; stats: Record<string, Record<string, number>> };
    for (const host of hosts) {
      expect(doc.hosts[host]).toMatchObject({ action: 'command', changed: true, rc: 0, cmd: ['true'], stdout: '', stdout_lines: [] });
      expect(doc.stats[host]).toEqual({ changed: 1, failures: 0, ignored: 0, ok: 1, rescued: 0, skipped: 0, unreachable: 0 });
    }
    expect(doc.hosts['deadhost']).toMatchObject({ unreachable: true, changed: false });
    expect(doc.stats['deadhost']?.unreachable).toBe(1);
  });
});
