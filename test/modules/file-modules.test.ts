/**
 * The file modules end to end: `tsible run HOST -m MODULE -a ...` with the
 * built CLI against a lab host, checking what a user sees (status, JSON) and
 * what ends up on the host (over plain ssh).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeLab, labHost, labInventoryPath, sshRun, useLabHosts } from '../lab/lab.js';

const CLI = fileURLToPath(new URL('../../packages/engine/bin/tsible.js', import.meta.url));

interface Outcome {
  code: number;
  /** SUCCESS, CHANGED, FAILED! ... as the ad-hoc output prints it. */
  caption: string;
  result: Record<string, unknown>;
  stdout: string;
}

function tsible(cwd: string, host: string, module: string, args: string, extra: string[] = []): Outcome {
  const r = spawnSync(process.execPath, [CLI, 'run', host, '-i', labInventoryPath(), '-m', module, '-a', args, ...extra], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ANSIBLE_NOCOLOR: '1' },
    timeout: 60_000,
  });
  const match = /^\S+ \| (\S+(?: \S+)?) => (\{[\s\S]*\})\s*$/m.exec(r.stdout);
  if (match === null) throw new Error(`unexpected output (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return { code: r.status ?? -1, caption: match[1] ?? '', result: JSON.parse(match[2] ?? '{}') as Record<string, unknown>, stdout: r.stdout };
}

async function onHost(host: string, command: string): Promise<string> {
  return (await sshRun(labHost(host), command)).stdout;
}

describeLab('file modules on a lab host', () => {
  const hosts = useLabHosts(1);
  let work: string;
  const host = (): string => hosts()[0]?.name ?? '';

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'tsible-files-it-'));
    mkdirSync(join(work, 'files'));
    writeFileSync(join(work, 'files', 'motd'), 'welcome\n');
  }, 60_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('file: directory is created, then ok; check mode leaves the host alone', async () => {
    const first = tsible(work, host(), 'file', 'path=/srv/app/conf state=directory mode=0750 owner=nobody');
    expect(first.caption).toBe('CHANGED');
    expect(first.result).toMatchObject({ path: '/srv/app/conf', state: 'directory', mode: '0750', owner: 'nobody' });
    expect((await onHost(host(), 'stat -c %a:%U /srv/app/conf')).trim()).toBe('750:nobody');
    expect(tsible(work, host(), 'file', 'path=/srv/app/conf state=directory mode=0750 owner=nobody').caption).toBe('SUCCESS');
    const check = tsible(work, host(), 'file', 'path=/srv/other state=directory', ['--check']);
    expect(check.caption).toBe('CHANGED');
    expect((await onHost(host(), 'test -e /srv/other && echo yes || echo no')).trim()).toBe('no');
  }, 60_000);

  it('file: link and absent', async () => {
    expect(tsible(work, host(), 'file', 'path=/srv/current src=/srv/app state=link').result).toMatchObject({ changed: true, dest: '/srv/current', src: '/srv/app' });
    expect((await onHost(host(), 'readlink /srv/current')).trim()).toBe('/srv/app');
    expect(tsible(work, host(), 'file', 'path=/srv/current state=absent').caption).toBe('CHANGED');
    expect(tsible(work, host(), 'file', 'path=/srv/current state=absent').caption).toBe('SUCCESS');
  }, 60_000);

  it('copy: content and src from files/, changed then ok, backup', async () => {
    const first = tsible(work, host(), 'copy', 'content="port=80\n" dest=/srv/app.conf mode=0640');
    expect(first.caption).toBe('CHANGED');
    expect(first.result).toMatchObject({ dest: '/srv/app.conf', mode: '0640', checksum: expect.stringMatching(/^[0-9a-f]{40}$/) });
    expect(await onHost(host(), 'cat /srv/app.conf')).toBe('port=80\n');
    expect(tsible(work, host(), 'copy', 'content="port=80\n" dest=/srv/app.conf mode=0640').caption).toBe('SUCCESS');
    const changed = tsible(work, host(), 'copy', 'content="port=81\n" dest=/srv/app.conf backup=yes', ['--diff']);
    expect(changed.caption).toBe('CHANGED');
    expect(await onHost(host(), `cat ${String(changed.result['backup_file'])}`)).toBe('port=80\n');
    const src = tsible(work, host(), 'copy', 'src=motd dest=/etc/motd');
    expect(src.caption).toBe('CHANGED');
    expect(await onHost(host(), 'cat /etc/motd')).toBe('welcome\n');
  }, 60_000);

  it('copy: check mode changes nothing', async () => {
    const before = await onHost(host(), 'cat /srv/app.conf; stat -c %a /srv/app.conf');
    expect(tsible(work, host(), 'copy', 'content=other dest=/srv/app.conf mode=0600', ['--check']).caption).toBe('CHANGED');
    expect(await onHost(host(), 'cat /srv/app.conf; stat -c %a /srv/app.conf')).toBe(before);
  }, 60_000);

  it('stat, slurp, find, tempfile', async () => {
    expect(tsible(work, host(), 'stat', 'path=/etc/motd').result['stat']).toMatchObject({ exists: true, isreg: true, size: 8 });
    expect(tsible(work, host(), 'slurp', 'src=/etc/motd').result).toMatchObject({ content: Buffer.from('welcome\n').toString('base64') });
    const found = tsible(work, host(), 'find', 'paths=/srv patterns=*.conf');
    expect((found.result['files'] as Array<{ path: string }>).map((f) => f.path)).toEqual(['/srv/app.conf']);
    const temp = tsible(work, host(), 'tempfile', 'state=directory suffix=.build');
    expect(String(temp.result['path'])).toMatch(/^\/tmp\/ansible\.[a-z0-9_]{8}\.build$/);
  }, 60_000);

  it('fetch: into dest/HOST/path on the controller, then ok', () => {
    const first = tsible(work, host(), 'fetch', 'src=/etc/motd dest=fetched');
    expect(first.caption).toBe('CHANGED');
    const local = join(work, 'fetched', host(), 'etc', 'motd');
    expect(existsSync(local)).toBe(true);
    expect(readFileSync(local, 'utf8')).toBe('welcome\n');
    expect(tsible(work, host(), 'fetch', 'src=/etc/motd dest=fetched').caption).toBe('SUCCESS');
  }, 60_000);

  // The lab's /tmp is a tmpfs: it keeps flags like A (noatime) and refuses C (nocow), as a real target may.
  it('attributes: chattr flags set, reported with a diff, kept; a refused flag fails as Ansible does', async () => {
    const flags = async (path: string): Promise<string> => (await onHost(host(), `lsattr -d ${path}`)).split(' ')[0]!.replace(/-/g, '');
    await onHost(host(), 'rm -f /tmp/attr-f /tmp/attr-c /tmp/attr-l; touch /tmp/attr-f; printf "a\\n" > /tmp/attr-l');
    const check = tsible(work, host(), 'file', 'path=/tmp/attr-f attributes=+A', ['--check']);
    expect(check.caption).toBe('CHANGED');
    expect(await flags('/tmp/attr-f')).toBe('');
    const first = tsible(work, host(), 'file', 'path=/tmp/attr-f attributes=+A', ['--diff']);
    expect(first.caption).toBe('CHANGED');
    expect(first.stdout).toContain('-    "attributes": "",\n+    "attributes": "+A",\n');
    expect(await flags('/tmp/attr-f')).toBe('A');
    expect(tsible(work, host(), 'file', 'path=/tmp/attr-f attr=A').caption).toBe('SUCCESS');
    // Ansible reports `-` as a change every time.
    expect(tsible(work, host(), 'file', 'path=/tmp/attr-f attributes=-A').caption).toBe('CHANGED');
    expect(await flags('/tmp/attr-f')).toBe('');

    expect(tsible(work, host(), 'copy', 'dest=/tmp/attr-c content=x attributes=+A').caption).toBe('CHANGED');
    expect(tsible(work, host(), 'copy', 'dest=/tmp/attr-c content=x attributes=+A').caption).toBe('SUCCESS');
    expect(await flags('/tmp/attr-c')).toBe('A');

    const edit = tsible(work, host(), 'lineinfile', 'path=/tmp/attr-l line=a attributes=+A');
    expect(edit.caption).toBe('CHANGED');
    expect(edit.result['msg']).toBe('ownership, perms or SE linux context changed');
    expect(await flags('/tmp/attr-l')).toBe('A');
    expect(tsible(work, host(), 'lineinfile', 'path=/tmp/attr-l line=a attributes=+A').caption).toBe('SUCCESS');
    // A file the edit creates: its flags are set after the write and reported with the content's change.
    await onHost(host(), 'rm -f /tmp/attr-n');
    const created = tsible(work, host(), 'lineinfile', 'path=/tmp/attr-n line=x create=yes attributes=+A', ['--diff']);
    expect(created.result['msg']).toBe('line added and ownership, perms or SE linux context changed');
    expect(created.stdout).toContain('+x\n\n--- before: /tmp/attr-n (file attributes)\n');
    expect(await flags('/tmp/attr-n')).toBe('A');

    const refused = tsible(work, host(), 'file', 'path=/tmp/attr-f attributes=+C');
    expect(refused.caption).toBe('FAILED!');
    expect(refused.result).toMatchObject({
      msg: 'chattr failed',
      path: '/tmp/attr-f',
      details: expect.stringMatching(/^Error while setting attributes: \/usr\/bin\/chattr: Operation not supported while setting flags on \/tmp\/attr-f\n$/),
    });
    expect(refused.stdout).toContain('An exception occurred during task execution. To see the full traceback, use -vvv. The error was: Exception: Error while setting attributes:');
  }, 60_000);

  it('bad arguments fail before touching the host', () => {
    const r = tsible(work, host(), 'file', 'path=/srv/x state=sideways');
    expect(r.caption).toBe('FAILED!');
    expect(r.result['msg']).toBe('value of state must be one of: absent, directory, file, hard, link, touch, got: sideways');
  }, 60_000);
});
