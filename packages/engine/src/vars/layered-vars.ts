import type { Block, ImportScope, Play, RoleInstance, Task } from '../playbook/model.js';
import { ancestorsOf } from '../playbook/inheritance.js';
import { isMapping } from '../playbook/errors.js';
import type { Inventory } from '../inventory/inventory.js';
import { factsAsVars, type HostVarStore } from './host-var-store.js';
import { roleChain, roleDefaults, roleVars } from './role-vars.js';
import { roleMagicVars } from './magic-vars.js';

/** Play-wide inputs to every host's variables. */
export interface PlayVarsInput {
  play: Play;
  /** Every role of the play (their defaults and vars are visible play-wide, as with private_role_vars off). */
  roles: readonly RoleInstance[];
  inventory: Inventory;
  store: HostVarStore;
  /** vars_prompt answers and vars_files contents, in that order. */
  promptVars: Readonly<Record<string, unknown>>;
  varsFilesVars: Readonly<Record<string, unknown>>;
  extraVars: Readonly<Record<string, unknown>>;
  /** Magic variables shared by the play's hosts (playbook_dir, ansible_play_hosts...). */
  magic: () => Readonly<Record<string, unknown>>;
  hostvars: () => unknown;
  /** Puts decrypted plaintext in place of vaulted values. */
  reveal?: <T>(value: T) => T;
}

/** What a task adds: the task itself and the parameters of the include that brought it in. */
export interface TaskScope {
  task: Task;
  includeParams?: Readonly<Record<string, unknown>> | undefined;
  /** Role of an include_role, whose params take role-param precedence. */
  includeRoleParams?: Readonly<Record<string, unknown>> | undefined;
}

function varsKeyword(holder: Block | ImportScope | Task): Record<string, unknown> {
  const vars = holder.keywords['vars'];
  return isMapping(vars) ? vars : {};
}

/**
 * A host's variables with Ansible's precedence, lowest first: role defaults,
 * inventory (group_vars/host_vars included), facts, play vars, vars_prompt,
 * vars_files, role vars, block vars, task vars, include_vars,
 * set_fact/register, role params, include params, extra vars, then the
 * magic variables. Values stay raw: the templar renders them when used.
 */
export function layeredVars(input: PlayVarsInput, host: string, scope?: TaskScope): Record<string, unknown> {
  const { play, inventory, store } = input;
  const chain = roleChain(scope?.task.role);
  let vars: Record<string, unknown> = {};
  for (const role of input.roles) vars = { ...vars, ...roleDefaults(role) };
  for (const role of chain) vars = { ...vars, ...roleDefaults(role) };
  vars = { ...vars, ...inventory.hostVars(host, { playbookDir: play.basedir }) };
  vars = { ...vars, ...factsAsVars(store.factsOf(host)) };
  vars = { ...vars, ...play.vars, ...input.promptVars, ...input.varsFilesVars };
  for (const role of input.roles) vars = { ...vars, ...roleVars(role) };
  for (const role of chain) vars = { ...vars, ...roleVars(role) };
  if (scope) {
    const holders = ancestorsOf(scope.task).filter((a): a is Block | ImportScope => 'kind' in a);
    for (const holder of holders.reverse()) vars = { ...vars, ...varsKeyword(holder) };
    vars = { ...vars, ...varsKeyword(scope.task) };
  }
  vars = { ...vars, ...store.includedVarsOf(host), ...store.hostFactsOf(host) };
  for (const role of chain) vars = { ...vars, ...(isMapping(role.keywords['vars']) ? role.keywords['vars'] : {}), ...role.params };
  if (scope) vars = { ...vars, ...scope.includeRoleParams, ...scope.includeParams };
  vars = { ...vars, ...input.extraVars, ...input.magic(), ...roleMagicVars(chain.at(-1)) };
  if (input.reveal) vars = input.reveal(vars);
  vars['groups'] = inventory.groupsMap();
  vars['group_names'] = inventory.groupNames(host);
  vars['hostvars'] = input.hostvars();
  return vars;
}
