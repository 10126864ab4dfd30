import type { Client, ClientChannel } from 'ssh2';
import type { ChannelExit, ExecChannel } from '../exec-channel.js';
import type { ShellText } from '../quote.js';

/** Starts `command` as an exec channel on an open connection. */
export function openExecChannel(client: Client, command: ShellText, pty: boolean, lost: (detail: string) => Error): Promise<ExecChannel> {
  return new Promise<ExecChannel>((resolve, reject) => {
    // ssh2 sends a Buffer command byte-for-byte; its typings only say string.
    const options = pty ? { pty: { term: 'dumb', rows: 24, cols: 200 } } : {};
    client.exec(command as string, options, (error, channel) => {
      if (error) {
        reject(lost(`cannot start a command: ${error.message}`));
        return;
      }
      resolve(adapt(channel, lost));
    });
  });
}

function adapt(channel: ClientChannel, lost: (detail: string) => Error): ExecChannel {
  let exit: ChannelExit | undefined;
  const finished = new Promise<ChannelExit>((resolve, reject) => {
    channel.on('exit', (code: number | null, signal?: string) => {
      exit = { code: typeof code === 'number' ? code : null, signal: signal ?? undefined };
    });
    channel.on('close', () => {
      // Closed without an exit status: the connection went away under us.
      if (exit) resolve(exit);
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
      try {
        channel.signal('KILL');
      } catch {
        // Signals are best effort; closing the channel ends the command's session.
      }
      channel.close();
    },
    finished,
  };
}
