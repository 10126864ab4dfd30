import type { ExecChannel } from './run/exec-channel.js';

/** How long closing a connection waits for its commands to be ended on the host. */
const TERMINATE_WAIT_MS = 5000;

interface Live {
  channel: ExecChannel;
  terminated: () => Promise<void>;
}

/**
 * The commands a connection has running right now, so that closing the
 * connection (Ctrl-C) ends them on the host as well instead of leaving
 * them behind.
 */
export class LiveChannels {
  private readonly live = new Set<Live>();

  /** Follows `channel` until it finishes; `terminated` settles once its terminate() has done its work. */
  watch(channel: ExecChannel, terminated: () => Promise<void> = () => Promise.resolve()): ExecChannel {
    const entry = { channel, terminated };
    this.live.add(entry);
    const forget = (): void => void this.live.delete(entry);
    channel.finished.then(forget, forget);
    return channel;
  }

  /** Ends every command still running and waits (bounded) until the transport has done so. */
  async terminateAll(): Promise<void> {
    const entries = [...this.live];
    this.live.clear();
    for (const { channel } of entries) channel.terminate();
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, TERMINATE_WAIT_MS);
      timer.unref();
    });
    await Promise.race([Promise.all(entries.map((e) => e.terminated())), bound]);
    clearTimeout(timer);
  }
}
