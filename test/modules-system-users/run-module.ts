/**
 * Runs `tsible run HOST -m MODULE -a ARGS` with the built CLI against the lab
 * inventory and reads what a user sees: exit code, status caption, JSON result.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { labHost, labInventoryPath, sshRun } from '../lab/lab.js';

const CLI = fileURLToPath(new URL('../../packages/engine/bin/tsible.js', import.meta.url));

export interface Outcome {
  code: number;
  /** SUCCESS, CHANGED, FAILED! ... as the ad-hoc output prints it. */
  caption: string;
  result: Record<string, unknown>;
  stdout: string;
}

export function tsibleRun(host: string, module: string, args: string, extra: string[] = []): Outcome {
  const r = spawnSync(process.execPath, [CLI, 'run', host, '-i', labInventoryPath(), '-m', module, '-a', args, ...extra], {
    encoding: 'utf8',
    env: { ...process.env, ANSIBLE_NOCOLOR: '1' },
    timeout: 60_000,
  });
  const match = /^\S+ \| (\S+(?: \S+)?) => (\{[\s\S]*\})\s*$/m.exec(r.stdout);
  if (match === null) throw new Error(`unexpected output (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return { code: r.status ?? -1, caption: match[1] ?? '', result: JSON.parse(match[2] ?? '{}') as Record<string, unknown>, stdout: r.stdout };
}

/** A command's stdout on the host over plain ssh; throws when it fails. */
export async function onHost(host: string, command: string): Promise<string> {
  const run = await sshRun(labHost(host), command);
  if (run.code !== 0) throw new Error(`${command} failed on ${host} (${run.code}): ${run.stderr}`);
  return run.stdout;
}
