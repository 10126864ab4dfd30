/**
 * The transport seam. Modules and the executor only ever see this interface,
 * so new transports (kubectl exec, docker exec) need no module changes.
 */

import type { ShellText } from './quote.js';

export interface BecomeOptions {
  method: 'sudo' | 'su';
  user: string;
  flags?: string | undefined;
  /** Travels on stdin only, never in argv or output. */
  password?: string | undefined;
}

export interface RunRequest {
  /**
   * Either an argv (each element quoted by the one quoting function) or a
   * POSIX sh script. Both reach the host's sh on stdin, framed ahead of the
   * request's stdin (run/script-framing.ts), so only argv words can show in
   * its process list. Strings travel as UTF-8; Buffers byte-exact (any byte but NUL).
   */
  argv?: readonly ShellText[];
  script?: ShellText;
  stdin?: Buffer | string;
  env?: Readonly<Record<string, string>>;
  cwd?: string;
  /** Milliseconds; the command is ended and the result says timedOut. */
  timeoutMs?: number;
  become?: BecomeOptions | undefined;
  /** Upper bound on stdout+stderr bytes kept; past it the run fails clearly. */
  maxOutputBytes?: number;
  /** Values masked wherever this request is logged. */
  secrets?: readonly string[];
  /** The command line is left out of logs altogether (a no_log task). */
  hideInLogs?: boolean;
}

export interface RunResult {
  rc: number;
  stdout: Buffer;
  stderr: Buffer;
  /** Set when the remote side was killed by a signal (rc is then -N, as in Ansible). */
  signal?: string | undefined;
  timedOut?: boolean;
}

export interface PutOptions {
  /** Octal file mode for the written file, e.g. 0o600. */
  mode?: number;
}

export interface Connection {
  readonly host: string;
  /** Opens the transport if needed; throws UnreachableError. */
  connect(): Promise<void>;
  run(request: RunRequest): Promise<RunResult>;
  /** Atomic on the remote side: written to a temp file beside `remotePath`, then renamed. */
  put(content: Buffer, remotePath: string, options?: PutOptions): Promise<void>;
  get(remotePath: string): Promise<Buffer>;
  close(): Promise<void>;
}
