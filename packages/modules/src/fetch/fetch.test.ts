import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fetchModule, fetchDestination } from './fetch.js';
import { runLocal, tempWorkspace } from '../testing/module-harness.js';

const ws = tempWorkspace('fetch');
beforeEach(ws.setup);
afterEach(ws.cleanup);
const at = (name: string): string => join(ws.dir(), name);
const asHost = (): { extra: { controller: { inventoryHostname: string; searchPaths: string[]; workDir: string } } } => ({
  extra: { controller: { inventoryHostname: 'web1', searchPaths: [ws.dir()], workDir: ws.dir() } },
});

describe('fetch', () => {
  it('lays files out per host, then is ok', async () => {
    writeFileSync(at('f'), 'fetched\n');
    const first = await runLocal(fetchModule, { src: at('f'), dest: 'out' }, asHost());
    const dest = join(ws.dir(), 'out', 'web1', at('f'));
    expect(first.result).toMatchObject({ changed: true, dest, checksum: '62d407d0aa7cefbb1f030a4ab39ae580a0c4bcec', remote_checksum: '62d407d0aa7cefbb1f030a4ab39ae580a0c4bcec' });
    expect(readFileSync(dest, 'utf8')).toBe('fetched\n');
    const second = await runLocal(fetchModule, { src: at('f'), dest: 'out' }, asHost());
    expect(second.result).toMatchObject({ changed: false, file: at('f'), dest });
  });

  it('flat puts the file at dest, or inside dest/', () => {
    expect(fetchDestination('/o/', '/etc/hosts', true, 'h')).toBe('/o/hosts');
    expect(fetchDestination('/o/x', '/etc/hosts', true, 'h')).toBe('/o/x');
    expect(fetchDestination('/o', 'rel/file', false, 'h')).toBe('/o/h/rel/file');
  });

  it('is skipped in check mode, as Ansible does, and writes nothing', async () => {
    writeFileSync(at('f'), 'x\n');
    const run = await runLocal(fetchModule, { src: at('f'), dest: at('out/'), flat: true }, { checkMode: true, ...asHost() });
    expect(run.result).toMatchObject({ skipped: true, msg: 'check mode not (yet) supported for this module' });
    expect(existsSync(at('out/f'))).toBe(false);
  });

  it('a missing file fails by default and is ignored with fail_on_missing=no', async () => {
    expect((await runLocal(fetchModule, { src: at('nope'), dest: at('out') }, asHost())).result).toMatchObject({ failed: true, msg: 'the remote file does not exist, not transferring, ignored' });
    expect((await runLocal(fetchModule, { src: at('nope'), dest: at('out'), fail_on_missing: false }, asHost())).status).toBe('ok');
  });
});

describe('fetch argument rules', () => {
  it.each([
    [{ src: '/etc/hosts' }, 'src and dest are required'],
    [{ dest: '/tmp' }, 'src and dest are required'],
  ])('%j', async (args, msg) => {
    expect((await runLocal(fetchModule, args)).result).toMatchObject({ failed: true, msg });
  });
});
