import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeLab, labInfo, labInventoryPath, sshRun, useLabHosts } from '../lab/lab.js';
import { runArgv } from '../lab/run-argv.js';

// Each step spawns the CLI, which connects over SSH.
const TEST_TIMEOUT_MS = 90_000;

const tsible = join(process.cwd(), 'packages/engine/bin/tsible.js');
const dir = '/tmp/tsible-edit-test';

interface HostReport {
  changed?: boolean;
  failed?: boolean;
  msg?: string;
  diff?: unknown;
  [key: string]: unknown;
}

describeLab('editing modules on a lab host', () => {
  const hosts = useLabHosts(1);
  const name = (): string => hosts()[0]!.name;
  const controller = mkdtempSync(join(tmpdir(), 'tsible-edit-'));
  afterAll(() => rmSync(controller, { recursive: true, force: true }));

  async function run(module: string, args: Record<string, unknown>, flags: string[] = []): Promise<HostReport> {
    const r = await runArgv(['node', tsible, 'run', name(), '-i', labInventoryPath(), '-m', module, '-a', JSON.stringify(args), '--json', ...flags]);
    const report = JSON.parse(r.stdout) as { hosts: Record<string, HostReport> };
    const host = report.hosts[name()];
    if (host === undefined) throw new Error(`no result for ${name()}: ${r.stdout}${r.stderr}`);
    return host;
  }
  const remote = async (command: string): Promise<string> => (await sshRun(hosts()[0]!, command)).stdout;

  beforeAll(async () => {
    await remote(`rm -rf ${dir}; mkdir -p ${dir}; printf 'Port 22\\n#PermitRootLogin yes\\n' > ${dir}/sshd_config`);
  });

  it('lineinfile: changed, then ok; check mode and diff leave the file alone', async () => {
    const args = { path: `${dir}/sshd_config`, regexp: '^#?PermitRootLogin', line: 'PermitRootLogin no' };
    const before = await remote(`cat ${dir}/sshd_config`);
    const checked = await run('lineinfile', args, ['--check', '--diff']);
    expect(checked).toMatchObject({ changed: true, msg: 'line replaced' });
    expect((checked.diff as Array<Record<string, string>>)[0]).toMatchObject({ before, after: 'Port 22\nPermitRootLogin no\n' });
    expect(await remote(`cat ${dir}/sshd_config`)).toBe(before);
    expect(await run('lineinfile', args)).toMatchObject({ changed: true, msg: 'line replaced', backup: '' });
    expect(await remote(`cat ${dir}/sshd_config`)).toBe('Port 22\nPermitRootLogin no\n');
    expect(await run('lineinfile', args)).toMatchObject({ changed: false, msg: '' });
  }, TEST_TIMEOUT_MS);

  it('lineinfile: mode and backup, in Ansible words', async () => {
    const args = { path: `${dir}/sshd_config`, line: 'UseDNS no', mode: '0600', backup: true };
    const first = await run('lineinfile', args);
    expect(first).toMatchObject({ changed: true, msg: 'line added and ownership, perms or SE linux context changed' });
    expect(String(first['backup'])).toMatch(/sshd_config\.\d+\.\d{4}-\d\d-\d\d@\d\d:\d\d:\d\d~$/);
    expect(await remote(`stat -c %a ${dir}/sshd_config`)).toBe('600\n');
    expect(await run('lineinfile', args)).toMatchObject({ changed: false });
  }, TEST_TIMEOUT_MS);

  it('blockinfile: inserted, then ok, then removed', async () => {
    const args = { path: `${dir}/hosts`, block: '10.0.0.1 a\n10.0.0.2 b', create: true };
    expect(await run('blockinfile', args, ['--check'])).toMatchObject({ changed: true, msg: 'File created' });
    expect(await remote(`test -e ${dir}/hosts && echo yes || echo no`)).toBe('no\n');
    expect(await run('blockinfile', args)).toMatchObject({ changed: true, msg: 'File created' });
    expect(await remote(`cat ${dir}/hosts`)).toBe('# BEGIN ANSIBLE MANAGED BLOCK\n10.0.0.1 a\n10.0.0.2 b\n# END ANSIBLE MANAGED BLOCK\n');
    expect(await run('blockinfile', args)).toMatchObject({ changed: false });
    expect(await run('blockinfile', { path: `${dir}/hosts`, state: 'absent' })).toMatchObject({ changed: true, msg: 'Block removed' });
    expect(await remote(`cat ${dir}/hosts`)).toBe('');
  }, TEST_TIMEOUT_MS);

  it('replace: N replacements made, then nothing', async () => {
    await remote(`printf 'a=1\\nb=1\\n' > ${dir}/kv`);
    const args = { path: `${dir}/kv`, regexp: '=1$', replace: '=2' };
    const checked = await run('replace', args, ['--check', '--diff']);
    expect(checked).toMatchObject({ changed: true, msg: '2 replacements made', diff: { before: 'a=1\nb=1\n', after: 'a=2\nb=2\n' } });
    expect(await remote(`cat ${dir}/kv`)).toBe('a=1\nb=1\n');
    expect(await run('replace', args)).toMatchObject({ changed: true, msg: '2 replacements made' });
    expect(await remote(`cat ${dir}/kv`)).toBe('a=2\nb=2\n');
    expect(await run('replace', args)).toMatchObject({ changed: false, msg: '' });
  }, TEST_TIMEOUT_MS);

  it('template: renders host variables and template vars, then ok', async () => {
    mkdirSync(join(controller, 'templates'), { recursive: true });
    const src = join(controller, 'templates', 'motd.j2');
    writeFileSync(src, '# {{ ansible_managed }}\nhost={{ inventory_hostname }}\n{% for i in [1, 2] %}\nline{{ i }}\n{% endfor %}\n');
    const args = { src, dest: `${dir}/motd`, mode: '0644' };
    expect(await run('template', args, ['--check'])).toMatchObject({ changed: true });
    expect(await run('template', args)).toMatchObject({ changed: true });
    expect(await remote(`cat ${dir}/motd`)).toBe(`# Ansible managed\nhost=${name()}\nline1\nline2\n`);
    expect(await run('template', args)).toMatchObject({ changed: false });
  }, TEST_TIMEOUT_MS);

  it('script: runs a controller script with its arguments, honours creates, leaves no temp files', async () => {
    const script = join(controller, 'hello.sh');
    writeFileSync(script, '#!/bin/sh\necho "hello $1 from $(pwd)"\necho oops >&2\n');
    const result = await run('script', { _raw_params: `${script} world`, chdir: dir });
    expect(result).toMatchObject({ changed: true, rc: 0, stdout: `hello world from ${dir}\n`, stdout_lines: [`hello world from ${dir}`], stderr: 'oops\n' });
    expect(await remote('ls /tmp | grep -c tsible-script || true')).toBe('0\n');
    expect(await run('script', { _raw_params: `${script} world`, creates: `${dir}/kv` })).toMatchObject({ changed: false, skipped: true, msg: `${dir}/kv exists, matching creates option` });
    const failing = join(controller, 'fail.sh');
    writeFileSync(failing, 'exit 3\n');
    expect(await run('script', { _raw_params: failing })).toMatchObject({ failed: true, rc: 3, msg: 'non-zero return code' });
  }, TEST_TIMEOUT_MS);

  it('get_url: downloads with credentials from a server on the lab bridge, then ok; a wrong password fails with 401', async () => {
    const server: Server = createServer((req, res) => {
      if (req.headers.authorization !== `Basic ${Buffer.from('bob:pa ss').toString('base64')}`) res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="lab"' }).end();
      else res.end('artifact\n');
    });
    await new Promise<void>((resolve) => server.listen(0, labInfo().gateway, resolve));
    try {
      const url = `http://${labInfo().gateway}:${(server.address() as AddressInfo).port}/artifact.txt`;
      const args = { url, dest: `${dir}/`, url_username: 'bob', url_password: 'pa ss', mode: '0600' };
      expect(await run('get_url', args, ['--check'])).toMatchObject({ changed: true });
      expect(await remote(`test -e ${dir}/artifact.txt && echo yes || echo no`)).toBe('no\n');
      expect(await run('get_url', args)).toMatchObject({ changed: true, msg: 'OK (9 bytes)', status_code: 200, dest: `${dir}/artifact.txt` });
      expect(await remote(`cat ${dir}/artifact.txt; stat -c %a ${dir}/artifact.txt`)).toBe('artifact\n600\n');
      expect(await run('get_url', { ...args, force: true })).toMatchObject({ changed: false });
      expect(await run('get_url', { ...args, url_password: 'wrong' })).toMatchObject({ failed: true, status_code: 401 });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }, TEST_TIMEOUT_MS);

  it('archive then unarchive: a tree round-trips, and a second run of each is ok', async () => {
    await remote(`mkdir -p ${dir}/tree/sub ${dir}/out && echo one > ${dir}/tree/a && echo two > ${dir}/tree/sub/b`);
    const pack = { path: `${dir}/tree`, dest: `${dir}/tree.tgz`, format: 'gz' };
    expect(await run('archive', pack)).toMatchObject({ changed: true, dest_state: 'archive' });
    expect(await run('archive', pack)).toMatchObject({ changed: false });
    const unpack = { src: `${dir}/tree.tgz`, remote_src: true, dest: `${dir}/out` };
    expect(await run('unarchive', unpack, ['--check'])).toMatchObject({ changed: true, handler: 'TgzArchive' });
    expect(await remote(`ls ${dir}/out | wc -l`)).toBe('0\n');
    expect(await run('unarchive', unpack)).toMatchObject({ changed: true });
    expect(await remote(`cat ${dir}/out/tree/sub/b`)).toBe('two\n');
    expect(await run('unarchive', unpack)).toMatchObject({ changed: false });
  }, TEST_TIMEOUT_MS);

  it('bad arguments fail in Ansible words and change nothing', async () => {
    expect(await run('lineinfile', { path: `${dir}/sshd_config`, regexp: 'x', search_string: 'x', line: 'y' })).toMatchObject({ failed: true, msg: 'parameters are mutually exclusive: regexp|search_string' });
    expect(await run('lineinfile', { path: `${dir}/nope`, line: 'y' })).toMatchObject({ failed: true, msg: `Destination ${dir}/nope does not exist !` });
    expect(await run('replace', { path: `${dir}/kv` })).toMatchObject({ failed: true, msg: 'missing required arguments: regexp' });
    expect(await run('template', { dest: `${dir}/x` })).toMatchObject({ failed: true, msg: 'src and dest are required' });
  }, TEST_TIMEOUT_MS);
});
