import { PassThrough } from 'node:stream';
import type { ShellText } from '../quote.js';
import type { ExecChannel } from '../run/exec-channel.js';

/**
 * Ending a command on the host. sshd refuses "signal" requests for root
 * logins (no privilege-separated child), a plain disconnect leaves the
 * command running, and sudo (use_pty) moves the command out of the login's
 * process group, out of the login user's reach. So every command first
 * reports its process group on stderr, and ending it kills that group and
 * every process below it, over a second channel with the command's own
 * become.
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

/** The group and the tree of processes under its leader: TERM first, KILL for what is left a moment later. */
export function killTreeScript(pgid: number): string {
  return [
    'tree() { echo "$1"; for c in $(pgrep -P "$1" 2>/dev/null || ps -o pid= --ppid "$1" 2>/dev/null); do tree "$c"; done; }',
    `p=$(tree ${pgid})`,
    // No `--`: dash's kill takes it for a pid and gives up.
    `kill -TERM $p -${pgid} 2>/dev/null`,
    'sleep 1',
    `kill -KILL $p -${pgid} 2>/dev/null`,
    'true',
  ].join('\n');
}

/** A channel whose stderr no longer carries the report, whose terminate() also kills the group; `terminated` settles when that is done. */
export interface KillableChannel {
  channel: ExecChannel;
  terminated: () => Promise<void>;
}

/**
 * `kill(script)` runs a script on the host (with the command's become) and
 * settles when it has ended. With become, `successMarker` is what the
 * command prints once escalation worked: before that there is nothing to
 * kill but sudo waiting for its password, which closing the channel ends
 * (and a become with a wrong password must not be tried again).
 */
export function killableChannel(started: ExecChannel, kill: (script: string) => Promise<void>, successMarker?: string): KillableChannel {
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
  let escalated = successMarker === undefined;
  let seen = '';
  if (!escalated) {
    const watch = (chunk: Buffer): void => {
      seen = (seen + chunk.toString('latin1')).slice(-(successMarker!.length + 4096));
      if (!seen.includes(successMarker!)) return;
      escalated = true;
      started.stdout.removeListener('data', watch);
    };
    started.stdout.on('data', watch);
  }
  let killed: Promise<void> | undefined;
  const channel: ExecChannel = {
    ...started,
    stderr,
    terminate: () => {
      if (killed !== undefined) return;
      if (!escalated || pgid === undefined || !Number.isInteger(pgid) || pgid <= 1) return started.terminate();
      // The tree is walked while its parents live; the channel itself is ended after.
      killed = bounded(kill(killTreeScript(pgid)).catch(() => undefined)).then(() => started.terminate());
    },
    // Whatever the pass-through still holds reaches the reader before the exit does.
    finished: started.finished.then((exit) => new Promise((resolve) => setImmediate(() => resolve(exit)))),
  };
  return { channel, terminated: () => killed ?? Promise.resolve() };
}

/** At most KILL_WAIT_MS: a host that does not answer does not hold up the end of the run. */
function bounded(work: Promise<void>): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, KILL_WAIT_MS);
    timer.unref();
    void work.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
