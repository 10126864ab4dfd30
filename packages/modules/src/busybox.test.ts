/**
 * The file modules with only busybox's tools on PATH, as on a minimal
 * target. Skipped when busybox is not installed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyModule, fetchModule, fileModule, findModule, slurpModule, statModule, tempfileModule } from './index.js';
import { runLocal } from './testing/module-harness.js';

const BUSYBOX = ['/usr/bin/busybox', '/bin/busybox'].find((path) => existsSync(path));

(BUSYBOX === undefined ? describe.skip : describe)('file modules with busybox tools', () => {
  let tools: string;
  let dir: string;
  const at = (name: string): string => join(dir, name);
  const env = (): Record<string, string> => ({ PATH: tools, HOME: dir });
  const run = (module: Parameters<typeof runLocal>[0], args: Record<string, unknown>, checkMode = false) =>
    runLocal(module, args, { env: env(), checkMode, extra: { controller: { inventoryHostname: 'bb', searchPaths: [dir], workDir: dir } } });

  beforeAll(() => {
    tools = mkdtempSync(join(tmpdir(), 'tsible-busybox-'));
    const applets = execFileSync(BUSYBOX ?? '', ['--list'], { encoding: 'utf8' }).split('\n').filter((name) => name !== '');
    for (const applet of applets) symlinkSync(BUSYBOX ?? '', join(tools, applet));
  });
  afterAll(() => rmSync(tools, { recursive: true, force: true }));
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tsible-bbwork-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('file: directory, symbolic mode, touch with a time, link, absent', async () => {
    expect((await run(fileModule, { path: at('a/b'), state: 'directory', mode: 'u=rwx,g=rx,o=' })).status).toBe('changed');
    expect(lstatSync(at('a/b')).mode & 0o777).toBe(0o750);
    expect((await run(fileModule, { path: at('a/b'), state: 'directory', mode: 'u=rwx,g=rx,o=' })).status).toBe('ok');
    expect((await run(fileModule, { path: at('t'), state: 'touch', modification_time: '202001020304.05', access_time: 'preserve' })).status).toBe('changed');
    expect(statSync(at('t')).mtime.getTime()).toBe(new Date(2020, 0, 2, 3, 4, 5).getTime());
    expect((await run(fileModule, { path: at('l'), src: at('t'), state: 'link' })).status).toBe('changed');
    expect(readlinkSync(at('l'))).toBe(at('t'));
    expect((await run(fileModule, { path: at('a'), state: 'absent' })).status).toBe('changed');
    expect(existsSync(at('a'))).toBe(false);
  });

  it('copy: write, ok, backup, validate, tree', async () => {
    expect((await run(copyModule, { content: 'one\n', dest: at('c'), mode: '0640' })).status).toBe('changed');
    expect((await run(copyModule, { content: 'one\n', dest: at('c'), mode: '0640' })).status).toBe('ok');
    const backup = await run(copyModule, { content: 'two\n', dest: at('c'), backup: true, validate: 'grep -q two %s' });
    expect(readFileSync(String(backup.result['backup_file']), 'utf8')).toBe('one\n');
    expect(readFileSync(at('c'), 'utf8')).toBe('two\n');
    mkdirSync(at('src/sub'), { recursive: true });
    writeFileSync(at('src/sub/f'), 'f');
    expect((await run(copyModule, { src: at('src'), dest: at('out/') })).status).toBe('changed');
    expect(readFileSync(at('out/src/sub/f'), 'utf8')).toBe('f');
  });

  it('stat, slurp, find, fetch, tempfile', async () => {
    writeFileSync(at('f.log'), 'abc');
    expect((await run(statModule, { path: at('f.log'), checksum_algorithm: 'sha256' })).result['stat']).toMatchObject({
      isreg: true,
      size: 3,
      checksum: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    });
    expect((await run(slurpModule, { src: at('f.log') })).result['content']).toBe('YWJj');
    expect(((await run(findModule, { paths: dir, patterns: '*.log', contains: 'ab' })).result['files'] as unknown[]).length).toBe(1);
    expect((await run(fetchModule, { src: at('f.log'), dest: at('fetched/'), flat: true })).status).toBe('changed');
    expect(readFileSync(at('fetched/f.log'), 'utf8')).toBe('abc');
    const temp = await run(tempfileModule, { path: dir, suffix: '.x' });
    expect(lstatSync(String(temp.result['path'])).mode & 0o777).toBe(0o600);
  });
});
