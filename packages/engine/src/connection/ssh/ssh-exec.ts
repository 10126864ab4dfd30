import type { Client, ClientChannel } from 'ssh2';
import type { ChannelExit, ExecChannel } from '../run/exec-channel.js';
import type { ShellText } from '../quote.js';

/** The server said no to a new session channel (MaxSessions), the connection itself is fine. */
export class ChannelRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChannelRefusedError';
  }
}

/** Starts `command` as an exec channel on an open connection. */
export function openExecChannel(
  client: Client,
  command: ShellText,
  pty: boolean,
  lost: (detail: string) => Error,
  track: { opened(): void; closed(): void },
): Promise<ExecChannel> {
  return new Promise<ExecChannel>((resolve, reject) => {
    // ssh2 sends a Buffer command byte-for-byte; its typings only say string.
    const options = pty ? { pty: { term: 'dumb', rows: 24, cols: 200 } } : {};
    client.exec(command as string, options, (error, channel) => {
      if (error) {
        const refused = error.message.startsWith('(SSH) Channel open failure');
        reject(refused ? new ChannelRefusedError(error.message) : lost(`cannot start a command: ${error.message}`));
        return;
      }
      // Counted as soon as the server accepts, so a refusal right after sees it.
      track.opened();
      channel.once('close', () => track.closed());
      resolve(adapt(channel, lost));
    });
  });
}

function adapt(channel: ClientChannel, lost: (detail: string) => Error): ExecChannel {
  let exit: ChannelExit | undefined;
  let terminated = false;
  const finished = new Promise<ChannelExit>((resolve, reject) => {
    channel.on('exit', (code: number | null, signal?: string) => {
      exit = { code: typeof code === 'number' ? code : null, signal: signal ?? undefined };
    });
    channel.on('close', () => {
      // Closed without an exit status: we ended it, or the connection went away under us.
      if (exit) resolve(exit);
      else if (terminated) resolve({ code: null, signal: 'KILL' });
      else reject(lost('connection closed while a command was running'));
    });
  });
  // Output is consumed by listeners; errors surface through 'close'.
  channel.on('error', () => undefined);
  return {
    stdout: channel,
    stderr: channel.stderr,
    writeStdin: (data) => void channel.write(data),
    endStdin: () => void channel.end(),
    terminate: () => {
      terminated = true;
      sendKill(channel);
      channel.close();
    },
    finished,
  };
}

/** The parts of ssh2's channel that `signal()` uses, reached past its writable check. */
interface ChannelInternals {
  outgoing?: { id: number; state: string };
  _client?: { _protocol?: { signal(id: number, name: string): void } };
}

/**
 * ssh2's `signal()` does nothing once stdin was ended (it checks
 * `writable`), yet stdin is always ended to give commands EOF. The request
 * itself is valid on a half-closed channel, so it is sent directly; sshd
 * then kills the command's process group.
 */
function sendKill(channel: ClientChannel): void {
  const internals = channel as unknown as ChannelInternals;
  try {
    const state = internals.outgoing?.state;
    if (internals.outgoing && (state === 'open' || state === 'eof')) internals._client?._protocol?.signal(internals.outgoing.id, 'KILL');
  } catch {
    // Best effort: closing the channel still ends the session.
  }
}
