import { chmodSync, existsSync, lstatSync, mkdirSync, readlinkSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileModule } from './file.js';
import { runLocal, tempWorkspace } from '../testing/module-harness.js';

const ws = tempWorkspace('file');
beforeEach(ws.setup);
afterEach(ws.cleanup);
const at = (name: string): string => join(ws.dir(), name);
const modeOf = (path: string): number => lstatSync(path).mode & 0o7777;

describe('file state=directory', () => {
  it('creates missing parents in one exec, then reports ok in one exec', async () => {
    const path = at('a/b/c');
    const first = await runLocal(fileModule, { path, state: 'directory', mode: '0750' }, { diffMode: true });
    expect(first.status).toBe('changed');
    expect(first.execs).toBe(1);
    expect(first.result['diff']).toEqual({ before: { path, state: 'absent', mode: '0755' }, after: { path, state: 'directory', mode: '0750' } });
    expect(first.result).toMatchObject({ path, state: 'directory', mode: '0750' });
    expect(modeOf(path)).toBe(0o750);
    expect(modeOf(at('a'))).toBe(0o750);
    const second = await runLocal(fileModule, { path, state: 'directory', mode: '0750' });
    expect(second.status).toBe('ok');
    expect(second.execs).toBe(1);
  });

  it('check mode reports the change and creates nothing', async () => {
    const path = at('d');
    const run = await runLocal(fileModule, { path, state: 'directory' }, { checkMode: true });
    expect(run.result).toMatchObject({ changed: true, diff: { before: { path, state: 'absent' }, after: { path, state: 'directory' } } });
    expect(run.result['mode']).toBeUndefined();
    expect(existsSync(path)).toBe(false);
  });

  it('fails when a file is in the way', async () => {
    writeFileSync(at('f'), 'x');
    const run = await runLocal(fileModule, { path: at('f'), state: 'directory' });
    expect(run.result).toMatchObject({ failed: true, msg: `${at('f')} already exists as a file` });
  });

  it('recurse sets the mode below the directory', async () => {
    mkdirSync(at('t/u'), { recursive: true });
    writeFileSync(at('t/u/f'), 'x');
    chmodSync(at('t/u/f'), 0o600);
    const run = await runLocal(fileModule, { path: at('t'), state: 'directory', recurse: true, mode: 'u=rwX,g=rX,o=rX' });
    expect(run.status).toBe('changed');
    expect(modeOf(at('t/u/f'))).toBe(0o644);
    expect(modeOf(at('t/u'))).toBe(0o755);
    expect((await runLocal(fileModule, { path: at('t'), state: 'directory', recurse: true, mode: 'u=rwX,g=rX,o=rX' })).status).toBe('ok');
  });
});

describe('file state=file', () => {
  it('changes only attributes, with the diff Ansible shows', async () => {
    writeFileSync(at('f'), 'x');
    chmodSync(at('f'), 0o600);
    const run = await runLocal(fileModule, { path: at('f'), mode: 'g+r' }, { diffMode: true });
    expect(run.result).toMatchObject({ changed: true, state: 'file', mode: '0640', diff: { before: { path: at('f'), mode: '0600' }, after: { path: at('f'), mode: '0640' } } });
    expect(modeOf(at('f'))).toBe(0o640);
  });

  it('YAML int modes are decimal values of the octal mode', async () => {
    writeFileSync(at('f'), 'x');
    await runLocal(fileModule, { path: at('f'), mode: 0o644 });
    expect(modeOf(at('f'))).toBe(0o644);
  });

  it('a missing file is an error in Ansible words', async () => {
    const run = await runLocal(fileModule, { path: at('missing') });
    expect(run.result).toMatchObject({ failed: true, msg: `file (${at('missing')}) is absent, cannot continue` });
  });

  it('check mode predicts a symbolic mode and changes nothing', async () => {
    writeFileSync(at('f'), 'x');
    chmodSync(at('f'), 0o644);
    const run = await runLocal(fileModule, { path: at('f'), mode: 'a-r' }, { checkMode: true });
    expect(run.result).toMatchObject({ changed: true, diff: { after: { mode: '0200' } } });
    expect(modeOf(at('f'))).toBe(0o644);
  });

  it('rejects a bad symbolic mode', async () => {
    writeFileSync(at('f'), 'x');
    const run = await runLocal(fileModule, { path: at('f'), mode: 'u=foo' });
    expect(run.result).toMatchObject({ failed: true, msg: 'mode must be in octal or symbolic form', details: 'bad symbolic permission for mode: u=foo' });
  });

  it('follows a symlink to its file and reports the real path', async () => {
    writeFileSync(at('real'), 'x');
    symlinkSync(at('real'), at('ln'));
    const run = await runLocal(fileModule, { path: at('ln'), state: 'file', mode: '0600' });
    expect(run.result).toMatchObject({ changed: true, path: at('real'), state: 'file' });
    expect(modeOf(at('real'))).toBe(0o600);
  });
});

describe('file state=absent', () => {
  it('removes a tree, then is ok', async () => {
    mkdirSync(at('gone/sub'), { recursive: true });
    writeFileSync(at('gone/sub/f'), 'x');
    const run = await runLocal(fileModule, { path: at('gone'), state: 'absent' }, { diffMode: true });
    expect(run.result).toMatchObject({ changed: true, path: at('gone'), state: 'absent', diff: { before: { state: 'directory', path_content: { directories: [at('gone/sub')], files: [at('gone/sub/f')] } } } });
    expect(existsSync(at('gone'))).toBe(false);
    expect((await runLocal(fileModule, { path: at('gone'), state: 'absent' })).result).toEqual(expect.objectContaining({ changed: false, path: at('gone'), state: 'absent' }));
  });

  it('check mode keeps the file', async () => {
    writeFileSync(at('f'), 'x');
    expect((await runLocal(fileModule, { path: at('f'), state: 'absent' }, { checkMode: true })).status).toBe('changed');
    expect(existsSync(at('f'))).toBe(true);
  });
});

describe('file state=touch', () => {
  it('creates an empty file and always reports changed', async () => {
    const run = await runLocal(fileModule, { path: at('t'), state: 'touch', mode: '0640' });
    expect(run.result).toMatchObject({ changed: true, dest: at('t'), state: 'file', mode: '0640', size: 0 });
    expect((await runLocal(fileModule, { path: at('t'), state: 'touch' })).status).toBe('changed');
  });

  it('sets a given modification time and keeps the access time', async () => {
    writeFileSync(at('t'), '');
    utimesSync(at('t'), 1000, 1000);
    const run = await runLocal(fileModule, { path: at('t'), state: 'touch', modification_time: '202001020304.05', access_time: 'preserve' });
    expect(run.status).toBe('changed');
    expect(statSync(at('t')).mtime.getTime()).toBe(new Date(2020, 0, 2, 3, 4, 5).getTime());
    expect(statSync(at('t')).atimeMs).toBe(1000 * 1000);
    const again = await runLocal(fileModule, { path: at('t'), state: 'touch', modification_time: '202001020304.05', access_time: 'preserve' });
    expect(again.status).toBe('ok');
  });
});

describe('file state=link and hard', () => {
  it('creates a symlink, is ok the second time, retargets with a diff', async () => {
    writeFileSync(at('a'), 'a');
    writeFileSync(at('b'), 'b');
    const first = await runLocal(fileModule, { path: at('ln'), src: at('a'), state: 'link' });
    expect(first.result).toMatchObject({ changed: true, dest: at('ln'), src: at('a'), state: 'link' });
    expect(readlinkSync(at('ln'))).toBe(at('a'));
    expect((await runLocal(fileModule, { path: at('ln'), src: at('a'), state: 'link' })).status).toBe('ok');
    const moved = await runLocal(fileModule, { path: at('ln'), src: at('b'), state: 'link' }, { diffMode: true });
    expect(moved.result).toMatchObject({ changed: true, diff: { before: { src: at('a') }, after: { src: at('b') } } });
    expect(readlinkSync(at('ln'))).toBe(at('b'));
  });

  it('refuses a missing src without force, and a file without force', async () => {
    const missing = await runLocal(fileModule, { path: at('ln'), src: 'nope', state: 'link' });
    expect(missing.result).toMatchObject({ failed: true, msg: `src file does not exist, use "force=yes" if you really want to create the link: ${at('nope')}` });
    writeFileSync(at('f'), 'x');
    const file = await runLocal(fileModule, { path: at('f'), src: at('ln'), state: 'link', force: true });
    expect(file.status).toBe('changed');
    writeFileSync(at('g'), 'x');
    writeFileSync(at('real'), 'x');
    const refused = await runLocal(fileModule, { path: at('g'), src: at('real'), state: 'link' });
    expect(refused.result).toMatchObject({ failed: true, msg: `refusing to convert from file to symlink for ${at('g')}` });
  });

  it('makes a hard link to the same inode', async () => {
    writeFileSync(at('a'), 'a');
    const run = await runLocal(fileModule, { path: at('h'), src: at('a'), state: 'hard' });
    expect(run.result).toMatchObject({ changed: true, dest: at('h'), state: 'hard' });
    expect(statSync(at('h')).ino).toBe(statSync(at('a')).ino);
    expect((await runLocal(fileModule, { path: at('h'), src: at('a'), state: 'hard' })).status).toBe('ok');
  });

  it('src needs state link or hard', async () => {
    writeFileSync(at('a'), 'a');
    const run = await runLocal(fileModule, { path: at('x'), src: at('a'), state: 'file' });
    expect(run.result).toMatchObject({ failed: true, msg: "src option requires state to be 'link' or 'hard'" });
  });
});

describe('file paths with ~', () => {
  it("expand to the target user's home in the result", async () => {
    const run = await runLocal(fileModule, { path: '~/made', state: 'directory' }, { env: { ...process.env, HOME: ws.dir() } });
    expect(run.result).toMatchObject({ changed: true, path: at('made'), state: 'directory' });
    expect(existsSync(at('made'))).toBe(true);
  });
});
