import { ConsoleSink } from '../output/console-sink.js';
import type { EventSink } from '../output/events.js';

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

export function defaultContext(): CliContext {
  return {
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    exitCode: 0,
    sink: (verbosity) => new ConsoleSink(verbosity, process.stderr),
  };
}

/** `-v`, `-vv`, `-vvv` counted the way ansible counts them. */
export function countVerbosity(_value: string, previous: number): number {
  return previous + 1;
}
