import type { ArgumentSpec, Module, ModuleContext, ModuleResult, ParamsOf } from '@tsible/engine';
import { STEP_FUNCTIONS, stepCall, stepFailure, stepOutput } from '../support/remote/command-steps.js';
import { failed, runFileScript } from '../support/remote/run-script.js';
import { ACCOUNT_DB_FUNCTIONS, dbCall, groupEntries } from './account-db.js';

/** Ansible 2.14's group module options. */
export const groupSpec = {
  options: {
    name: { type: 'str', required: true },
    gid: { type: 'int' },
    state: { type: 'str', default: 'present', choices: ['absent', 'present'] },
    system: { type: 'bool', default: false },
    local: { type: 'bool', default: false },
    non_unique: { type: 'bool', default: false },
  },
  required_if: [['non_unique', true, ['gid']]],
} as const satisfies ArgumentSpec;

export type GroupParams = ParamsOf<typeof groupSpec>;

/** groupadd/groupmod/groupdel argv for the wanted change, or null when the group is as wanted. */
function groupCommand(params: GroupParams, currentGid: number | undefined): string[] | null {
  const tool = (verb: string): string => (params.local ? `lgroup${verb}` : `group${verb}`);
  if (params.state === 'absent') return currentGid === undefined ? null : [tool('del'), params.name];
  const gid = params.gid === null ? [] : ['-g', String(params.gid)];
  const unique = params.non_unique ? ['-o'] : [];
  if (currentGid === undefined) return [tool('add'), ...gid, ...unique, ...(params.system ? ['-r'] : []), params.name];
  if (params.gid === null || params.gid === currentGid) return null;
  return [tool('mod'), ...gid, ...unique, params.name];
}

/** Probes the group, then (when something changes) runs the one command and reads the group back: two execs at most. */
async function runGroup(ctx: ModuleContext, params: GroupParams): Promise<ModuleResult> {
  const probe = await runFileScript(ctx, `${ACCOUNT_DB_FUNCTIONS}\n${dbCall('group', params.name)}`);
  if (probe.failure !== undefined) return failed(probe.failure, { name: params.name });
  const current = groupEntries(probe).find((g) => g.name === params.name);
  const command = groupCommand(params, current?.gid);
  const result: ModuleResult = { changed: false, name: params.name, state: params.state };
  if (command === null) return current === undefined ? result : { ...result, system: params.system, gid: current.gid };
  // Ansible leaves check mode right here for an add or a delete, with nothing but `changed`.
  if (ctx.checkMode) return current === undefined || params.state === 'absent' ? { changed: true } : { ...result, changed: true, system: params.system, gid: current.gid };

  const run = await runFileScript(ctx, `${STEP_FUNCTIONS}\n${ACCOUNT_DB_FUNCTIONS}\n${stepCall('group', command)}\n${dbCall('group', params.name)}`);
  const failure = stepFailure(run);
  // Ansible fails with the command's stderr as it is, and the group's name.
  if (failure !== undefined) return failed(failure.stderr, { name: params.name });
  if (run.failure !== undefined) return failed(run.failure, { name: params.name });
  const after = groupEntries(run).find((g) => g.name === params.name);
  const out = stepOutput(run);
  const err = run.run.stderr.toString('utf8');
  return {
    ...result,
    changed: true,
    ...(out === '' ? {} : { stdout: out }),
    ...(err === '' ? {} : { stderr: err }),
    ...(after === undefined ? {} : { system: params.system, gid: after.gid }),
  };
}

export const groupModule: Module<typeof groupSpec> = {
  name: 'group',
  spec: groupSpec,
  supportsCheckMode: true,
  run: runGroup,
};
