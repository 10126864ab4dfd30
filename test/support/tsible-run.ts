/**
 * `tsible run HOST -m MODULE -a ARGS` with the built CLI against the lab
 * inventory, read as a user reads it: the exit code and either the ad-hoc
 * status line (SUCCESS, CHANGED, FAILED! ...) or the `--json` document.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { labInventoryPath } from '../lab/lab.js';

const CLI = fileURLToPath(new URL('../../packages/engine/bin/tsible.js', import.meta.url));

export interface RunOptions {
  /** Where relative controller paths (copy's src, fetch's dest) resolve. */
  cwd?: string;
  timeoutMs?: number;
}

interface Spawned {
  code: number;
  stdout: string;
  stderr: string;
}

function spawnRun(host: string, module: string, args: string, extra: readonly string[], options: RunOptions): Spawned {
  const r = spawnSync(process.execPath, [CLI, 'run', host, '-i', labInventoryPath(), '-m', module, '-a', args, ...extra], {
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    encoding: 'utf8',
    env: { ...process.env, ANSIBLE_NOCOLOR: '1' },
    timeout: options.timeoutMs ?? 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export interface Outcome {
  code: number;
  /** SUCCESS, CHANGED, FAILED! ... as the ad-hoc output prints it. */
  caption: string;
  result: Record<string, unknown>;
  stdout: string;
}

/** The default ad-hoc output: its status caption and the result printed after `=>`. */
export function tsibleRun(host: string, module: string, args: string, extra: string[] = [], options: RunOptions = {}): Outcome {
  const r = spawnRun(host, module, args, extra, options);
  const match = /^\S+ \| (\S+(?: \S+)?) => (\{[\s\S]*\})\s*$/m.exec(r.stdout);
  if (match === null) throw new Error(`unexpected output (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
  return { code: r.code, caption: match[1] ?? '', result: JSON.parse(match[2] ?? '{}') as Record<string, unknown>, stdout: r.stdout };
}

export interface JsonOutcome extends Spawned {
  result: Record<string, unknown>;
}

/** `--json`: the host's result from the JSON document (empty when the output is not JSON, e.g. an argument error). */
export function tsibleRunJson(host: string, module: string, args: string, extra: readonly string[] = [], options: RunOptions = {}): JsonOutcome {
  const r = spawnRun(host, module, args, ['--json', ...extra], options);
  let result: Record<string, unknown> = {};
  try {
    const doc = JSON.parse(r.stdout) as { hosts: Record<string, Record<string, unknown>> };
    result = doc.hosts[host] ?? {};
  } catch {
    // Not JSON: the caller looks at stderr.
  }
  return { ...r, result };
}
