/** Running recipes against lab hosts, with tsible or (TSIBLE_RECIPES_WITH_ANSIBLE=1) ansible-playbook. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sshArgv } from '../lab/lab.js';
import type { LabHost } from '../../packages/engine/src/lab/index.js';

const CLI = fileURLToPath(new URL('../../packages/engine/bin/tsible.js', import.meta.url));

/** The same checks run with ansible-playbook when asked: the recipes must behave the same there. */
export const withAnsible = process.env['TSIBLE_RECIPES_WITH_ANSIBLE'] === '1';

/** `tsible playbook ARGS` (or ansible-playbook ARGS): exit code and all output. */
export function runPlaybook(args: readonly string[]): { code: number | null; out: string } {
  const [program = '', ...base] = withAnsible ? ['ansible-playbook'] : [process.execPath, CLI, 'playbook'];
  const r = spawnSync(program, [...base, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ANSIBLE_NOCOLOR: '1' }, timeout: 300_000 });
  return { code: r.status, out: r.stdout + r.stderr };
}

/** Runs a shell command on a lab host over ssh, `input` on its stdin; its stdout (throws on failure). */
export function onHost(host: LabHost, command: string, input?: string): string {
  const [program = 'ssh', ...args] = sshArgv(host, command);
  const r = spawnSync(program, args, { encoding: 'utf8', timeout: 60_000, ...(input === undefined ? {} : { input }) });
  if (r.status !== 0) throw new Error(`${command} on ${host.name} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}
