import { PassThrough } from 'node:stream';
import { main } from '../../packages/engine/src/cli/main.js';
import { ConsoleSink } from '../../packages/engine/src/output/console-sink.js';
import type { CliContext } from '../../packages/engine/src/cli/context.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `tsible ARGS` in-process with the given cwd, capturing what it prints. */
export async function runTsible(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  out.on('data', (b: Buffer) => chunks.out.push(b));
  err.on('data', (b: Buffer) => chunks.err.push(b));
  const ctx: CliContext = {
    cwd,
    stdout: out,
    stderr: err,
    env,
    exitCode: 0,
    sink: (verbosity) => new ConsoleSink(verbosity, err),
  };
  const code = await main(['node', 'tsible', ...args], ctx);
  return { code, stdout: Buffer.concat(chunks.out).toString('utf8'), stderr: Buffer.concat(chunks.err).toString('utf8') };
}
