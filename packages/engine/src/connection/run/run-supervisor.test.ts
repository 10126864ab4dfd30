import { PassThrough } from 'node:stream';
import { wrapWithBecome } from '../become.js';
import type { ChannelExit, ExecChannel } from './exec-channel.js';
import { superviseRun } from './run-supervisor.js';
import { UnreachableError } from '../unreachable.js';

/** A scripted process: the test plays the remote side. */
class FakeChannel implements ExecChannel {
  readonly stdout = new PassThrough();
  readonly stderr = new PassThrough();
  readonly written: Buffer[] = [];
  stdinEnded = false;
  terminated = false;
  private settle!: { resolve(exit: ChannelExit): void; reject(error: Error): void };
  readonly finished = new Promise<ChannelExit>((resolve, reject) => {
    this.settle = { resolve, reject };
  });
  writeStdin(data: Buffer): void {
    this.written.push(data);
  }
  endStdin(): void {
    this.stdinEnded = true;
  }
  terminate(): void {
    this.terminated = true;
    this.settle.resolve({ code: null, signal: 'KILL' });
  }
  exit(code: number): void {
    setImmediate(() => this.settle.resolve({ code, signal: undefined }));
  }
  die(): void {
    this.settle.reject(new UnreachableError('h', 'Failed to connect to the host via ssh: connection closed'));
  }
  input(): string {
    return Buffer.concat(this.written).toString('latin1');
  }
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const base = { host: 'h', becomeTimeoutMs: 2000, timeoutMs: undefined, maxOutputBytes: 1 << 20 };

describe('superviseRun with su on a terminal', () => {
  const plan = wrapWithBecome('id', { method: 'su', user: 'root', password: 'pw' }, 'T');

  it('answers "Password:" on stdout, drops everything up to the marker, then sends the input', async () => {
    const channel = new FakeChannel();
    const result = superviseRun(channel, { ...base, stdin: Buffer.from('data'), become: plan });
    channel.stdout.write('Password: ');
    await tick();
    expect(channel.input()).toBe('pw\n');
    channel.stdout.write('\r\nBECOME-SUCCESS-T\nuid=0(root)\n');
    await tick();
    expect(channel.input()).toBe('pw\ndata');
    expect(channel.stdinEnded).toBe(true);
    channel.exit(0);
    await expect(result).resolves.toMatchObject({ rc: 0, stdout: Buffer.from('uid=0(root)\n') });
  });

  it('reports a second prompt as an incorrect password and stops the command', async () => {
    const channel = new FakeChannel();
    const result = superviseRun(channel, { ...base, stdin: undefined, become: plan });
    channel.stdout.write('Password: ');
    await tick();
    channel.stdout.write('\r\nsu: Authentication failure\r\nPassword: ');
    await expect(result).rejects.toMatchObject({ message: 'Incorrect su password' });
    expect(channel.terminated).toBe(true);
  });
});

describe('superviseRun', () => {
  it('holds stdin back until sudo let us in, and keeps a marker split across chunks out of stdout', async () => {
    const channel = new FakeChannel();
    const plan = wrapWithBecome('cat', { method: 'sudo', user: 'root' }, 'K');
    const result = superviseRun(channel, { ...base, stdin: Buffer.from('in'), become: plan });
    await tick();
    expect(channel.written).toEqual([]);
    channel.stdout.write('BECOME-SUC');
    channel.stdout.write('CESS-K\nout');
    await tick();
    expect(channel.input()).toBe('in');
    channel.exit(0);
    await expect(result).resolves.toMatchObject({ stdout: Buffer.from('out') });
  });

  it('rejects with UnreachableError when the transport dies mid-command', async () => {
    const channel = new FakeChannel();
    const result = superviseRun(channel, { ...base, stdin: undefined, become: undefined });
    channel.stdout.write('partial');
    channel.die();
    await expect(result).rejects.toBeInstanceOf(UnreachableError);
  });

  it('explains a failed escalation with what sudo said', async () => {
    const channel = new FakeChannel();
    const plan = wrapWithBecome('id', { method: 'sudo', user: 'nobody2' }, 'K');
    const result = superviseRun(channel, { ...base, stdin: undefined, become: plan });
    channel.stderr.write('sudo: unknown user nobody2\n');
    channel.exit(1);
    await expect(result).rejects.toMatchObject({ message: 'privilege escalation (sudo) failed: sudo: unknown user nobody2' });
  });
});
