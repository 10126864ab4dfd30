import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runLocal, tempWorkspace } from '../testing/module-harness.js';
import { unarchiveModule } from './unarchive.js';

const ws = tempWorkspace('unarchive');
beforeEach(ws.setup);
afterEach(ws.cleanup);

/** Builds tree/ (a.txt, sub/b.txt, skip.log) and packs it with the given tool. */
function makeArchive(kind: 'tgz' | 'tar' | 'txz' | 'tbz2' | 'zip'): string {
  const tree = join(ws.dir(), 'tree');
  mkdirSync(join(tree, 'sub'), { recursive: true });
  writeFileSync(join(tree, 'a.txt'), 'A\n');
  writeFileSync(join(tree, 'sub', 'b.txt'), 'B\n');
  writeFileSync(join(tree, 'skip.log'), 'log\n');
  const archive = join(ws.dir(), `pack.${kind}`);
  const flags = { tgz: '-czf', tar: '-cf', txz: '-cJf', tbz2: '-cjf' } as const;
  if (kind === 'zip') execFileSync('zip', ['-qr', archive, '.'], { cwd: tree });
  else execFileSync('tar', [flags[kind], archive, '-C', tree, '.']);
  return archive;
}

const controller = () => ({ controller: { inventoryHostname: 'localhost', searchPaths: [ws.dir()], workDir: ws.dir() } });

describe('unarchive', () => {
  it.each([
    ['tgz', 'TgzArchive'],
    ['tar', 'TarArchive'],
    ['txz', 'TarXzArchive'],
    ['tbz2', 'TarBzipArchive'],
    ['zip', 'ZipArchive'],
  ] as const)('%s: extracts, then reports ok; changed again only when a file differs', async (kind, handler) => {
    const archive = makeArchive(kind);
    const dest = join(ws.dir(), 'dest');
    mkdirSync(dest);
    const first = await runLocal(unarchiveModule, { src: archive, dest }, { extra: controller() });
    expect(first.result).toMatchObject({ changed: true, handler, dest });
    expect(first.execs).toBe(1);
    expect(readFileSync(join(dest, 'sub', 'b.txt'), 'utf8')).toBe('B\n');
    expect((await runLocal(unarchiveModule, { src: archive, dest }, { extra: controller() })).result).toMatchObject({ changed: false });
    writeFileSync(join(dest, 'a.txt'), 'edited\n');
    expect((await runLocal(unarchiveModule, { src: archive, dest }, { extra: controller() })).result).toMatchObject({ changed: true });
    expect(readFileSync(join(dest, 'a.txt'), 'utf8')).toBe('A\n');
  });

  it('check mode reports the change and writes nothing; no staging left behind', async () => {
    const archive = makeArchive('tgz');
    const dest = join(ws.dir(), 'dest');
    mkdirSync(dest);
    const run = await runLocal(unarchiveModule, { src: archive, dest }, { checkMode: true, extra: controller() });
    expect(run.result).toMatchObject({ changed: true });
    expect(readdirSync(dest)).toEqual([]);
    expect(readdirSync(ws.dir()).filter((name) => name.startsWith('.tsible'))).toEqual([]);
  });

  it('works from a remote source, lists files, honours exclude and sets modes', async () => {
    const archive = makeArchive('tgz');
    const dest = join(ws.dir(), 'dest');
    mkdirSync(dest);
    const run = await runLocal(unarchiveModule, { src: archive, remote_src: true, dest, exclude: ['./skip.log'], list_files: true, mode: 'u=rwX,go=rX' }, { extra: controller() });
    expect(run.result).toMatchObject({ changed: true });
    expect(run.result['files']).toEqual(expect.arrayContaining(['./a.txt', './sub/b.txt']));
    expect(existsSync(join(dest, 'skip.log'))).toBe(false);
    expect((statSync(join(dest, 'a.txt')).mode & 0o777).toString(8)).toBe('644');
    expect((await runLocal(unarchiveModule, { src: archive, remote_src: true, dest, exclude: ['./skip.log'], mode: 'u=rwX,go=rX' }, { extra: controller() })).result).toMatchObject({ changed: false });
  });

  it('skips when creates exists', async () => {
    const archive = makeArchive('tgz');
    const run = await runLocal(unarchiveModule, { src: archive, dest: ws.dir(), creates: archive }, { extra: controller() });
    expect(run.result).toMatchObject({ changed: false, skipped: true, msg: `skipped, since ${archive} exists` });
  });

  it("fails in Ansible's words for a missing destination and an unknown format", async () => {
    const archive = makeArchive('tgz');
    const missing = join(ws.dir(), 'nope');
    expect((await runLocal(unarchiveModule, { src: archive, dest: missing }, { extra: controller() })).result).toMatchObject({ failed: true, msg: `Destination '${missing}' is not a directory` });
    writeFileSync(join(ws.dir(), 'plain.txt'), 'not an archive\n');
    const plain = await runLocal(unarchiveModule, { src: 'plain.txt', dest: ws.dir() }, { extra: controller() });
    expect(plain.result.failed).toBe(true);
    expect(String(plain.result.msg)).toMatch(/^Failed to find handler for ".*"\. Make sure the required command to extract the file is installed\.$/);
  });
});
