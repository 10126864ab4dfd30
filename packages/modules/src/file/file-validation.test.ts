import { chownSync, lstatSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import { fileModule } from './file.js';
import { runLocal, tempWorkspace } from '../testing/module-harness.js';

const ws = tempWorkspace('filev');
beforeEach(ws.setup);
afterEach(ws.cleanup);
const at = (name: string): string => join(ws.dir(), name);

describe('file argument rules, in Ansible words', () => {
  it.each([
    [{}, 'missing required arguments: path'],
    [{ path: '/x', state: 'sideways' }, 'value of state must be one of: absent, directory, file, hard, link, touch, got: sideways'],
  ])('%j', async (args, msg) => {
    expect((await runLocal(fileModule, args)).result).toMatchObject({ failed: true, msg });
  });

  it('a non-boolean recurse', async () => {
    const run = await runLocal(fileModule, { path: '/x', recurse: 'maybe' });
    expect(String(run.result['msg'])).toMatch(/^argument 'recurse' is of type <class 'str'> and we were unable to convert to bool: The value 'maybe' is not a valid boolean\./);
  });

  it('recurse needs state=directory', async () => {
    writeFileSync(at('f'), '');
    expect((await runLocal(fileModule, { path: at('f'), state: 'file', recurse: true })).result).toMatchObject({ failed: true, msg: "recurse option requires state to be 'directory'", path: at('f') });
  });

  it('src needs state link or hard', async () => {
    expect((await runLocal(fileModule, { path: at('x'), src: '/etc/hosts', state: 'directory' })).result).toMatchObject({ failed: true, msg: "src option requires state to be 'link' or 'hard'" });
  });

  it('a new symlink needs src, a new hard link too', async () => {
    expect((await runLocal(fileModule, { path: at('l'), state: 'link' })).result).toMatchObject({ failed: true, msg: 'src is required for creating new symlinks' });
    expect((await runLocal(fileModule, { path: at('h'), state: 'hard' })).result).toMatchObject({ failed: true, msg: 'src is required for creating new hardlinks' });
  });

  it('a hard link to a missing src', async () => {
    expect((await runLocal(fileModule, { path: at('h'), src: at('nope'), state: 'hard' })).result).toMatchObject({ failed: true, msg: 'src does not exist' });
  });

  it('a bad time format', async () => {
    writeFileSync(at('t'), '');
    const run = await runLocal(fileModule, { path: at('t'), state: 'touch', modification_time: 'yesterday' });
    expect(String(run.result['msg'])).toMatch(/^Error while obtaining timestamp for time yesterday using format %Y%m%d%H%M\.%S: /);
  });

  it('an unknown owner fails with the lookup message and changes nothing', async () => {
    writeFileSync(at('f'), '');
    const run = await runLocal(fileModule, { path: at('f'), owner: 'no-such-user-here' });
    expect(run.result).toMatchObject({ failed: true, msg: 'chown failed: failed to look up user no-such-user-here' });
  });
});

const root = userInfo().uid === 0;
(root ? describe : describe.skip)('file owner and group (as root)', () => {
  it('sets owner and group by name or id, with ids in the diff; then ok', async () => {
    mkdirSync(at('d'));
    chownSync(at('d'), 0, 0);
    const run = await runLocal(fileModule, { path: at('d'), state: 'directory', owner: 'nobody', group: '65534' }, { diffMode: true });
    const nobody = lstatSync(at('d'));
    expect(run.result).toMatchObject({ changed: true, owner: 'nobody', uid: nobody.uid, gid: 65534, diff: { before: { owner: 0, group: 0 }, after: { owner: nobody.uid, group: 65534 } } });
    expect((await runLocal(fileModule, { path: at('d'), state: 'directory', owner: String(nobody.uid), group: '65534' })).status).toBe('ok');
  });

  it('check mode predicts the owner change by id and leaves the path alone', async () => {
    writeFileSync(at('f'), '');
    chownSync(at('f'), 0, 0);
    const run = await runLocal(fileModule, { path: at('f'), owner: 'nobody' }, { checkMode: true });
    expect(run.result).toMatchObject({ changed: true, diff: { before: { owner: 0 }, after: { owner: 65534 } } });
    expect(lstatSync(at('f')).uid).toBe(0);
  });
});
