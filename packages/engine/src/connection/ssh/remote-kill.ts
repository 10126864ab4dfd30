import type { Client } from 'ssh2';
import { PassThrough } from 'node:stream';
import type { ShellText } from '../quote.js';
import type { ExecChannel } from '../run/exec-channel.js';

/**
 * Ending a command on the host. sshd refuses "signal" requests for root
 * logins (no privilege-separated child), and a plain disconnect leaves the
 * command running, so every command first reports its process group on
 * stderr; ending it kills that group over a second channel.
 */
const MARK = 'tsible-pgid ';
/** At most this much stderr is held back looking for the report. */
const REPORT_MAX = 64;
const KILL_WAIT_MS = 5000;

/** The command line with the report in front: sshd starts it as a session leader, so `$$` is its process group. */
export function withPgidReport(line: ShellText): ShellText {
  const prefix = `printf '${MARK}%s\\n' "$$" >&2; `;
  return typeof line === 'string' ? prefix + line : Buffer.concat([Buffer.from(prefix), line]);
}

/** kill(1) the whole group: TERM first, KILL for what is left a moment later. */
export function killGroupScript(pgid: number): string {
  return `kill -TERM -- -${pgid} 2>/dev/null; sleep 1; kill -KILL -- -${pgid} 2>/dev/null; true`;
}

/** A channel whose stderr no longer carries the report, whose terminate() also kills the group; `terminated` settles when that is done. */
export interface KillableChannel {
  channel: ExecChannel;
  terminated: () => Promise<void>;
}

export function killableChannel(started: ExecChannel, client: Client): KillableChannel {
  const source = started.stderr;
  if (source === undefined) return { channel: started, terminated: () => Promise.resolve() };
  let pgid: number | undefined;
  let head: Buffer | undefined = Buffer.alloc(0);
  const stderr = new PassThrough();
  source.on('data', (chunk: Buffer) => {
    if (head === undefined) return void stderr.write(chunk);
    head = Buffer.concat([head, chunk]);
    const newline = head.indexOf(0x0a);
    if (newline < 0 && head.length < REPORT_MAX) return;
    const line = newline < 0 ? '' : head.subarray(0, newline).toString('latin1');
    const rest = line.startsWith(MARK) ? head.subarray(newline + 1) : head;
    if (line.startsWith(MARK)) pgid = Number(line.slice(MARK.length));
    head = undefined;
    if (rest.length > 0) stderr.write(rest);
  });
  source.on('end', () => {
    if (head !== undefined && head.length > 0) stderr.write(head);
    stderr.end();
  });
  let killed: Promise<void> | undefined;
  const channel: ExecChannel = {
    ...started,
    stderr,
    terminate: () => {
      started.terminate();
      if (killed === undefined && pgid !== undefined && Number.isInteger(pgid) && pgid > 1) killed = runQuietly(client, killGroupScript(pgid));
    },
    // Whatever the pass-through still holds reaches the reader before the exit does.
    finished: started.finished.then((exit) => new Promise((resolve) => setImmediate(() => resolve(exit)))),
  };
  return { channel, terminated: () => killed ?? Promise.resolve() };
}

/** Runs a command on its own channel and waits (bounded) for it to end; any failure is ignored. */
function runQuietly(client: Client, command: string): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, KILL_WAIT_MS);
    timer.unref();
    const done = (): void => {
      clearTimeout(timer);
      resolve();
    };
    try {
      client.exec(command, (error, ch) => {
        if (error) return done();
        ch.on('close', done);
        ch.on('error', () => undefined);
        ch.resume();
        ch.stderr.resume();
        ch.end();
      });
    } catch {
      done();
    }
  });
}
