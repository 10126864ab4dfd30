import { ConsoleSink } from '../output/console-sink.js';
import type { EventSink } from '../output/events.js';
import { maskingStream } from '../output/secrets/masking-stream.js';
import { runSecrets } from '../output/secrets/secret-registry.js';

/** What every command gets: where to write and how loud to be. */
export interface CliContext {
  cwd: string;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  /** Set by a command's action; main() returns it. */
  exitCode: number;
  sink(verbosity: number): EventSink;
}

/**
 * The process's streams, masking this run's secrets in everything written to
 * them. TSIBLE_MASK_SECRETS=0 prints vault values as Ansible does (no_log still hides).
 */
export function defaultContext(): CliContext {
  const masked = process.env['TSIBLE_MASK_SECRETS'] !== '0';
  const stdout = masked ? maskingStream(process.stdout, runSecrets) : process.stdout;
  const stderr = masked ? maskingStream(process.stderr, runSecrets) : process.stderr;
  return {
    cwd: process.cwd(),
    stdout,
    stderr,
    env: process.env,
    exitCode: 0,
    sink: (verbosity) => new ConsoleSink(verbosity, stderr),
  };
}

/** `-v`, `-vv`, `-vvv` counted the way ansible counts them. */
export function countVerbosity(_value: string, previous: number): number {
  return previous + 1;
}
