import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { waitForModule } from './wait-for.js';
import { runLocal, tempWorkspace } from '../testing/module-harness.js';

const ws = tempWorkspace('wait-for');
beforeEach(ws.setup);
afterEach(ws.cleanup);

function listen(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address !== null ? address.port : 0 });
    });
  });
}

describe('wait_for', () => {
  it('waits for a file to appear with a pattern, in one round trip', async () => {
    const file = join(ws.dir(), 'ready');
    setTimeout(() => writeFileSync(file, 'state: booting\n'), 200);
    setTimeout(() => writeFileSync(file, 'state: ready\n'), 1200);
    const run = await runLocal(waitForModule, { path: file, search_regex: 'state: re+ady', timeout: 10 });
    expect(run.result).toMatchObject({ changed: false, path: file, state: 'started' });
    expect(run.result['failed']).toBeUndefined();
    expect(Number(run.result['elapsed'])).toBeGreaterThanOrEqual(1);
    expect(run.execs).toBe(1);
  });

  it('fails with Ansible\'s message when the time runs out', async () => {
    const file = join(ws.dir(), 'never');
    const run = await runLocal(waitForModule, { path: file, timeout: 1 });
    expect(run.result).toMatchObject({ failed: true, msg: `Timeout when waiting for file ${file}`, elapsed: 1 });
    const custom = await runLocal(waitForModule, { path: file, timeout: 1, msg: 'not up' });
    expect(custom.result['msg']).toBe('not up');
  });

  it('sees a file already absent at once', async () => {
    const run = await runLocal(waitForModule, { path: join(ws.dir(), 'gone'), state: 'absent', timeout: 5 });
    expect(run.result).toMatchObject({ changed: false, elapsed: 0, state: 'absent' });
  });

  it('waits for a local port to listen, then to stop', async () => {
    const { server, port } = await listen();
    try {
      const started = await runLocal(waitForModule, { port, timeout: 5 });
      expect(started.result).toMatchObject({ changed: false, port, state: 'started' });
      expect(started.result['failed']).toBeUndefined();
      const stillOpen = await runLocal(waitForModule, { port, state: 'stopped', timeout: 1 });
      expect(stillOpen.result).toMatchObject({ failed: true, msg: `Timeout when waiting for 127.0.0.1:${port} to stop.` });
    } finally {
      server.close();
    }
    const stopped = await runLocal(waitForModule, { port, state: 'stopped', timeout: 5 });
    expect(stopped.result['failed']).toBeUndefined();
  });

  it('rejects a path with a port state', async () => {
    const run = await runLocal(waitForModule, { path: '/tmp', state: 'drained' });
    expect(run.result).toMatchObject({ failed: true, msg: 'state=drained should only be used for checking a port in the wait_for module' });
  });
});
