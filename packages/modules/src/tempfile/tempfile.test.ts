import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { tempfileModule } from './tempfile.js';
import { runLocal, tempWorkspace } from '../testing/module-harness.js';

const ws = tempWorkspace('tempfile');
beforeEach(ws.setup);
afterEach(ws.cleanup);

describe('tempfile', () => {
  it('creates a private file with prefix and suffix', async () => {
    const run = await runLocal(tempfileModule, { path: ws.dir(), prefix: 'p.', suffix: '.x' });
    const path = String(run.result['path']);
    expect(path).toMatch(new RegExp(`^${ws.dir()}/p\\.[a-z0-9_]{8}\\.x$`));
    expect(lstatSync(path).mode & 0o777).toBe(0o600);
    expect(run.result).toMatchObject({ changed: true, state: 'file', mode: '0600' });
  });

  it('creates a private directory', async () => {
    const run = await runLocal(tempfileModule, { path: ws.dir(), state: 'directory' });
    expect(lstatSync(String(run.result['path'])).isDirectory()).toBe(true);
    expect(run.result).toMatchObject({ changed: true, state: 'directory', mode: '0700' });
  });

  it('fails for a missing parent directory', async () => {
    const run = await runLocal(tempfileModule, { path: join(ws.dir(), 'nope') });
    expect(run.result['failed']).toBe(true);
  });
});

describe('tempfile argument rules', () => {
  it('state must be file or directory', async () => {
    expect((await runLocal(tempfileModule, { state: 'link' })).result).toMatchObject({ failed: true, msg: 'value of state must be one of: file, directory, got: link' });
  });
});
