import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Vault, VaultSecret, VaultSecrets } from '@tsible/engine';
import { copyModule } from './copy.js';
import { STDIN_LIMIT_BYTES } from './copy-file.js';
import { runLocal, tempWorkspace } from '../testing/module-harness.js';

const ws = tempWorkspace('copy');
beforeEach(ws.setup);
afterEach(ws.cleanup);
const at = (name: string): string => join(ws.dir(), name);
const modeOf = (path: string): number => lstatSync(path).mode & 0o7777;
const controller = (): { extra: { controller: { inventoryHostname: string; searchPaths: string[]; workDir: string } } } => ({
  extra: { controller: { inventoryHostname: 'web1', searchPaths: [at('playbook')], workDir: at('playbook') } },
});

describe('copy content', () => {
  it('writes once in one exec, then is ok without rewriting', async () => {
    const first = await runLocal(copyModule, { content: 'hello\n', dest: at('c'), mode: '0640' });
    expect(first.status).toBe('changed');
    expect(first.execs).toBe(1);
    expect(first.result).toMatchObject({ dest: at('c'), checksum: 'f572d396fae9206628714fb2ce00f72e94f2258f', md5sum: 'b1946ac92492d2347c6235b4d2611184', mode: '0640', state: 'file', size: 6 });
    expect(readFileSync(at('c'), 'utf8')).toBe('hello\n');
    expect(modeOf(at('c'))).toBe(0o640);
    const inode = lstatSync(at('c')).ino;
    const second = await runLocal(copyModule, { content: 'hello\n', dest: at('c'), mode: '0640' });
    expect(second.status).toBe('ok');
    expect(second.execs).toBe(1);
    expect(lstatSync(at('c')).ino).toBe(inode);
  });

  it('check mode changes nothing; diff mode shows old and new text', async () => {
    writeFileSync(at('c'), 'old\n');
    const check = await runLocal(copyModule, { content: 'new\n', dest: at('c') }, { checkMode: true, diffMode: true });
    // `after` is the content itself, a no_log value, so the task runner masks it.
    expect(check.result).toMatchObject({ changed: true, diff: [{ before: 'old\n', before_header: at('c'), after_header: 'dynamically generated' }] });
    expect(readFileSync(at('c'), 'utf8')).toBe('old\n');
  });

  it('keeps a backup named as Ansible names it', async () => {
    writeFileSync(at('c'), 'old\n');
    const run = await runLocal(copyModule, { content: 'new\n', dest: at('c'), backup: true });
    const backup = String(run.result['backup_file']);
    expect(backup).toMatch(/\/c\.\d+\.\d{4}-\d\d-\d\d@\d\d:\d\d:\d\d~$/);
    expect(readFileSync(backup, 'utf8')).toBe('old\n');
  });

  it('a failed validate leaves the destination and no temp file', async () => {
    writeFileSync(at('c'), 'old\n');
    const run = await runLocal(copyModule, { content: 'bad\n', dest: at('c'), validate: "grep -q good %s" });
    expect(run.result).toMatchObject({ failed: true, msg: 'failed to validate', exit_status: 1 });
    expect(readFileSync(at('c'), 'utf8')).toBe('old\n');
    expect(readdirSync(ws.dir())).toEqual(['c']);
    const ok = await runLocal(copyModule, { content: 'good\n', dest: at('c'), validate: 'grep -q good %s' });
    expect(ok.status).toBe('changed');
  });

  it('validate without %s is refused before anything runs', async () => {
    const run = await runLocal(copyModule, { content: 'x', dest: at('c'), validate: 'true' });
    expect(run.result).toMatchObject({ failed: true, msg: 'validate must contain %s: true' });
    expect(run.execs).toBe(0);
  });

  it('checksum must match the content', async () => {
    const run = await runLocal(copyModule, { content: 'hello\n', dest: at('c'), checksum: 'bad' });
    expect(run.result).toMatchObject({ failed: true, msg: 'Copied file does not match the expected checksum. Transfer failed.', expected_checksum: 'bad' });
    expect(existsSync(at('c'))).toBe(false);
    expect((await runLocal(copyModule, { content: 'hello\n', dest: at('c'), checksum: 'f572d396fae9206628714fb2ce00f72e94f2258f' })).status).toBe('changed');
  });

  it('force=no leaves an existing file alone', async () => {
    writeFileSync(at('c'), 'old\n');
    const run = await runLocal(copyModule, { content: 'new\n', dest: at('c'), force: false });
    expect(run.status).toBe('ok');
    expect(readFileSync(at('c'), 'utf8')).toBe('old\n');
  });

  it('replacing a file keeps its mode when none is given', async () => {
    writeFileSync(at('c'), 'old\n');
    chmodSync(at('c'), 0o600);
    await runLocal(copyModule, { content: 'new\n', dest: at('c') });
    expect(modeOf(at('c'))).toBe(0o600);
  });

  it('follow=no replaces a symlink; follow=yes writes through it', async () => {
    writeFileSync(at('real'), 'old\n');
    symlinkSync(at('real'), at('ln'));
    await runLocal(copyModule, { content: 'through\n', dest: at('ln'), follow: true });
    expect(readFileSync(at('real'), 'utf8')).toBe('through\n');
    await runLocal(copyModule, { content: 'own\n', dest: at('ln') });
    expect(lstatSync(at('ln')).isSymbolicLink()).toBe(false);
    expect(readFileSync(at('real'), 'utf8')).toBe('through\n');
  });

  it('large content goes over put and arrives intact', async () => {
    const big = Buffer.alloc(STDIN_LIMIT_BYTES + 10, 'a');
    const run = await runLocal(copyModule, { content: big.toString('utf8'), dest: at('big') });
    expect(run.status).toBe('changed');
    expect(readFileSync(at('big')).equals(big)).toBe(true);
    expect(readdirSync(ws.dir())).toEqual(['big']);
  });
});

describe('copy src from the controller', () => {
  beforeEach(() => {
    mkdirSync(at('playbook/files/tree/sub'), { recursive: true });
    writeFileSync(at('playbook/files/app.conf'), 'conf\n');
    chmodSync(at('playbook/files/app.conf'), 0o751);
    writeFileSync(at('playbook/files/tree/one'), '1');
    writeFileSync(at('playbook/files/tree/sub/two'), '2');
    mkdirSync(at('out'));
  });

  it("finds a relative src in files/ and copies into a directory dest", async () => {
    const run = await runLocal(copyModule, { src: 'app.conf', dest: at('out/') }, controller());
    expect(run.result).toMatchObject({ changed: true, dest: at('out/app.conf') });
    expect(readFileSync(at('out/app.conf'), 'utf8')).toBe('conf\n');
  });

  it('decrypts a vaulted src unless decrypt=no', async () => {
    const secret = new VaultSecret('default', Buffer.from('pw'));
    const vault = new Vault(new VaultSecrets([secret]));
    writeFileSync(at('playbook/files/secret.txt'), await vault.encrypt('s3cret\n', secret));
    const context = { controller: { ...controller().extra.controller, decryptIfVaulted: (data: Buffer, file: string) => vault.decryptIfVaulted(data, file) } };
    expect((await runLocal(copyModule, { src: 'secret.txt', dest: at('out/plain') }, { extra: context })).status).toBe('changed');
    expect(readFileSync(at('out/plain'), 'utf8')).toBe('s3cret\n');
    await runLocal(copyModule, { src: 'secret.txt', dest: at('out/raw'), decrypt: false }, { extra: context });
    expect(readFileSync(at('out/raw'), 'utf8')).toMatch(/^\$ANSIBLE_VAULT;1\.1;AES256/);
  });

  it('mode=preserve takes the source mode', async () => {
    await runLocal(copyModule, { src: 'app.conf', dest: at('out/x'), mode: 'preserve' }, controller());
    expect(modeOf(at('out/x'))).toBe(0o751);
  });

  it('a missing src names the controller', async () => {
    const run = await runLocal(copyModule, { src: 'nope.conf', dest: at('out/') }, controller());
    expect(run.result['msg']).toBe("Could not find or access 'nope.conf' on the Ansible Controller.\nIf you are using a module and expect the file to exist on the remote, see the remote_src option");
  });

  it('copies a tree (with its own directory, or only its contents), ok on the second run', async () => {
    expect((await runLocal(copyModule, { src: 'tree', dest: at('out/') }, controller())).status).toBe('changed');
    expect(readFileSync(at('out/tree/sub/two'), 'utf8')).toBe('2');
    expect((await runLocal(copyModule, { src: 'tree', dest: at('out/') }, controller())).status).toBe('ok');
    await runLocal(copyModule, { src: 'tree/', dest: at('flat/') }, controller());
    expect(readFileSync(at('flat/one'), 'utf8')).toBe('1');
    expect(existsSync(at('flat/tree'))).toBe(false);
  });

  it('remote_src copies on the target and is ok the second time', async () => {
    writeFileSync(at('r'), 'remote\n');
    expect((await runLocal(copyModule, { src: at('r'), dest: at('r2'), remote_src: true })).status).toBe('changed');
    expect(readFileSync(at('r2'), 'utf8')).toBe('remote\n');
    expect((await runLocal(copyModule, { src: at('r'), dest: at('r2'), remote_src: true })).status).toBe('ok');
  });
});

describe('copy remote_src directories', () => {
  it('copies a tree on the target, keeps modes, is ok the second time, and check mode writes nothing', async () => {
    mkdirSync(at('r/sub'), { recursive: true });
    writeFileSync(at('r/sub/x'), 'x');
    chmodSync(at('r/sub/x'), 0o700);
    const check = await runLocal(copyModule, { src: at('r'), dest: at('o'), remote_src: true }, { checkMode: true });
    expect(check.status).toBe('changed');
    expect(existsSync(at('o'))).toBe(false);
    expect((await runLocal(copyModule, { src: at('r'), dest: at('o'), remote_src: true })).status).toBe('changed');
    expect(readFileSync(at('o/r/sub/x'), 'utf8')).toBe('x');
    expect(modeOf(at('o/r/sub/x'))).toBe(0o700);
    expect((await runLocal(copyModule, { src: at('r'), dest: at('o'), remote_src: true })).status).toBe('ok');
    await runLocal(copyModule, { src: `${at('r')}/`, dest: at('flat'), remote_src: true });
    expect(readFileSync(at('flat/sub/x'), 'utf8')).toBe('x');
  });
});

describe('copy argument rules', () => {
  it.each([
    [{ dest: '/tmp/x' }, 'src (or content) is required'],
    [{ content: 'some text', src: 'b', dest: '/tmp/x' }, 'src and content are mutually exclusive'],
    [{ content: 'some text', dest: '/tmp/x/' }, 'can not use content with a dir as dest'],
    [{ content: 'some text' }, 'missing required arguments: dest'],
  ])('%j fails with %s', async (args, msg) => {
    const run = await runLocal(copyModule, args);
    expect(run.result).toMatchObject({ failed: true, msg });
  });
});
