import type { Readable } from 'node:stream';

/** How a started process ended. */
export interface ChannelExit {
  code: number | null;
  signal: string | undefined;
}

/**
 * A started remote or local process, seen the same way whatever the
 * transport: ssh exec channel, child process, later docker/kubectl exec.
 */
export interface ExecChannel {
  readonly stdout: Readable;
  /** Undefined on a pty, where stderr is merged into stdout. */
  readonly stderr: Readable | undefined;
  writeStdin(data: Buffer): void;
  endStdin(): void;
  /** Ends the process (signal if the transport can, then close). */
  terminate(): void;
  /**
   * Settles once the process has exited and its output is drained; rejects
   * (UnreachableError) when the transport died under it.
   */
  readonly finished: Promise<ChannelExit>;
}
