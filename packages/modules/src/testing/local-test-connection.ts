import { spawn } from 'node:child_process';
import type { Connection, RunRequest, RunResult } from '@tsible/engine';
import { shellJoin } from '@tsible/engine';

/**
 * Runs requests on this machine with /bin/sh, for module tests that need a
 * real shell but no SSH. Records every request so tests can count round trips.
 */
export class LocalTestConnection implements Connection {
  readonly host = 'localhost';
  readonly requests: RunRequest[] = [];

  async connect(): Promise<void> {}

  run(request: RunRequest): Promise<RunResult> {
    this.requests.push(request);
    const words = request.script ?? shellJoin(request.argv ?? []);
    const script = typeof words === 'string' ? words : words.toString('utf8');
    return new Promise((resolve, reject) => {
      // Own process group, so a timeout ends the command's children too.
      const child = spawn('/bin/sh', ['-c', script], { cwd: request.cwd, env: { ...process.env, ...request.env }, detached: true });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (b: Buffer) => out.push(b));
      child.stderr.on('data', (b: Buffer) => err.push(b));
      child.on('error', reject);
      let timedOut = false;
      const timer = request.timeoutMs === undefined ? undefined : setTimeout(() => {
        timedOut = true;
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      }, request.timeoutMs);
      child.on('close', (code, signal) => {
        if (timer !== undefined) clearTimeout(timer);
        resolve({ rc: code ?? -1, stdout: Buffer.concat(out), stderr: Buffer.concat(err), signal: signal ?? undefined, timedOut });
      });
      child.stdin.on('error', () => undefined);
      child.stdin.end(request.stdin ?? '');
    });
  }

  async put(): Promise<void> {
    throw new Error('not used by these tests');
  }

  async get(): Promise<Buffer> {
    throw new Error('not used by these tests');
  }

  async close(): Promise<void> {}
}
