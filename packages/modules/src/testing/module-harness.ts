import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Emitter, LocalConnection, RecordingSink, runModuleTask, type Module, type ModuleContext, type TaskOutcome } from '@tsible/engine';

export interface HarnessRun extends TaskOutcome {
  /** Execs the module made on the target. */
  execs: number;
}

/** A real local connection that counts the module's execs. */
export function countingLocalConnection(env?: Readonly<Record<string, string | undefined>>): { connection: LocalConnection; execs: () => number } {
  const connection = new LocalConnection({ kind: 'local', inventoryName: 'localhost', maxOutputBytes: 64 * 1024 * 1024, timeoutMs: 10_000, settings: env === undefined ? {} : { env } });
  let count = 0;
  const run = connection.run.bind(connection);
  connection.run = (request) => {
    count += 1;
    return run(request);
  };
  return { connection, execs: () => count };
}

/** Runs a module through its Module interface, as a task would, on this machine. */
export async function runLocal(
  module: Module,
  args: Record<string, unknown>,
  options: { checkMode?: boolean; diffMode?: boolean; extra?: Partial<ModuleContext>; env?: Readonly<Record<string, string | undefined>> } = {},
): Promise<HarnessRun> {
  const { connection, execs } = countingLocalConnection(options.env);
  const outcome = await runModuleTask(module, args, {
    connection,
    checkMode: options.checkMode ?? false,
    diffMode: options.diffMode ?? false,
    emit: new Emitter(new RecordingSink()),
    ...options.extra,
  });
  return { ...outcome, execs: execs() };
}

/** A fresh temp directory per test file. */
export function tempWorkspace(prefix: string): { dir: () => string; cleanup: () => void; setup: () => void } {
  let dir = '';
  return {
    setup: () => {
      dir = mkdtempSync(join(tmpdir(), `tsible-${prefix}-`));
    },
    dir: () => dir,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
