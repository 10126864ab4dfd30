import { readdirSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { waitForModule } from './wait-for.js';
import { runLocal, tempWorkspace } from '../testing/module-harness.js';

const ws = tempWorkspace('wait-for');
beforeEach(ws.setup);
afterEach(ws.cleanup);

function listen(onConnection?: (socket: Socket) => void): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer(onConnection);
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

  it('reads what a port sends until search_regex matches, without waiting for the server to close', async () => {
    let connections = 0;
    const sockets: Socket[] = [];
    // The first connection is closed with a wrong banner; the next gets the right one late, without a newline, and stays open.
    const { server, port } = await listen((socket) => {
      sockets.push(socket);
      connections += 1;
      if (connections === 1) socket.end('booting\n');
      else setTimeout(() => socket.write('220 mail ready v42'), 800);
    });
    try {
      const run = await runLocal(waitForModule, { port, search_regex: 'ready v\\d+', timeout: 20 });
      expect(run.result).toMatchObject({ changed: false, elapsed: expect.any(Number), match_groupdict: {}, match_groups: [], path: null, port, search_regex: 'ready v\\d+', state: 'started' });
      expect(Number(run.result['elapsed'])).toBeLessThan(10);
      expect(connections).toBe(2);
      expect(run.execs).toBe(1);
    } finally {
      for (const socket of sockets) socket.destroy();
      server.close();
    }
  }, 30_000);

  it('times out with Ansible\'s message when the port never says the pattern, and leaves no temp file', async () => {
    const sockets: Socket[] = [];
    const { server, port } = await listen((socket) => {
      sockets.push(socket);
      socket.write('hello\n');
    });
    try {
      const run = await runLocal(waitForModule, { port, search_regex: 'ready', timeout: 2 }, { env: { TMPDIR: ws.dir() } });
      expect(run.result).toMatchObject({ changed: false, failed: true, msg: `Timeout when waiting for search string ready in 127.0.0.1:${port}` });
      expect(readdirSync(ws.dir())).toEqual([]);
    } finally {
      for (const socket of sockets) socket.destroy();
      server.close();
    }
  }, 20_000);

  it('returns the match groups of a file search, as Ansible does', async () => {
    const file = join(ws.dir(), 'version');
    writeFileSync(file, 'name: app\nversion: 1.42\n');
    const run = await runLocal(waitForModule, { path: file, search_regex: '^version: (?P<major>\\d+)\\.(\\d+)$', timeout: 5 });
    expect(run.result).toMatchObject({ match_groups: ['1', '42'], match_groupdict: { major: '1' }, path: file, port: null });
  });

  it('drained counts active connections to the host on the port, minus excluded peers', async () => {
    const accepted: Socket[] = [];
    const { server, port } = await listen((socket) => accepted.push(socket));
    const client = connect(port, '127.0.0.1');
    await new Promise((resolve) => client.once('connect', resolve));
    try {
      const busy = await runLocal(waitForModule, { port, state: 'drained', timeout: 1 });
      expect(busy.result).toMatchObject({ failed: true, msg: `Timeout when waiting for 127.0.0.1:${port} to drain` });
      const everywhere = await runLocal(waitForModule, { host: '0.0.0.0', port, state: 'drained', timeout: 1 });
      expect(everywhere.result['failed']).toBe(true);
      const excluded = await runLocal(waitForModule, { port, state: 'drained', timeout: 1, exclude_hosts: ['127.0.0.1'] });
      expect(excluded.result).toMatchObject({ changed: false, state: 'drained', port });
      expect(excluded.result['failed']).toBeUndefined();
      const otherAddress = await runLocal(waitForModule, { host: '10.255.255.1', port, state: 'drained', timeout: 1 });
      expect(otherAddress.result['failed']).toBeUndefined();
    } finally {
      // The client closes first: the TIME_WAIT socket is on its side, not on the watched port.
      client.destroy();
    }
    const drained = await runLocal(waitForModule, { port, state: 'drained', timeout: 10 });
    expect(drained.result['failed']).toBeUndefined();
    for (const socket of accepted) socket.destroy();
    server.close();
  }, 30_000);

  it('rejects what Ansible rejects before waiting', async () => {
    const excluded = await runLocal(waitForModule, { port: 22, exclude_hosts: ['10.0.0.1'] });
    expect(excluded.result).toMatchObject({ failed: true, msg: 'exclude_hosts should only be with state=drained' });
    const state = await runLocal(waitForModule, { port: 22, state: 'drained', active_connection_states: ['LISTEN'] });
    expect(state.result).toMatchObject({ failed: true, msg: 'unknown active_connection_state (LISTEN) defined' });
  });

  it('waits the delay first and treats present as started', async () => {
    const { server, port } = await listen();
    try {
      const run = await runLocal(waitForModule, { port, state: 'present', delay: 1, timeout: 5 });
      expect(run.result).toMatchObject({ changed: false, port, state: 'present' });
      expect(Number(run.result['elapsed'])).toBeGreaterThanOrEqual(1);
    } finally {
      server.close();
    }
  });
});
