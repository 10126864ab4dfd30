import type { Inventory } from '../../inventory/inventory.js';
import type { ModuleResult } from '../../module-api/module.js';
import type { Emitter } from '../../output/events.js';
import type { Task } from '../../playbook/model.js';
import type { Templar } from '../../template/templar.js';
import type { Terminal } from '../terminal.js';
import type { VaultValues } from '../../vars/vault-values.js';

/** What an action run by the engine itself (not on the host) may use. */
export interface ActionContext {
  host: string;
  task: Task;
  templar: Templar;
  vars: Readonly<Record<string, unknown>>;
  verbosity: number;
  checkMode: boolean;
  inventory: Inventory;
  /** Where relative files are looked for: the role's directories, then the playbook's. */
  searchDirs: readonly string[];
  events: Emitter;
  /** The task as its banner names it (`role : name`). */
  taskLabel: string;
  /** Prints a line among the run's output (pause's messages). */
  display(text: string): void;
  /** The user's terminal, when the run has one (pause reads keys from it). */
  terminal: Terminal | undefined;
  /** Stops a pause early when the run is interrupted. */
  signal: AbortSignal;
  /** Opens vaulted files and values the action reads at run time (include_vars). */
  vaultValues: VaultValues;
}

/**
 * An engine action: arguments (already templated, except where the action
 * says otherwise) in, Ansible-shaped result out. Special result keys
 * (ansible_facts, add_host, add_group, ansible_stats) are applied by the runner.
 */
export interface EngineAction {
  readonly name: string;
  /** Arguments the runner must pass as written (conditionals are evaluated by the action). */
  readonly rawArgs?: readonly string[];
  run(args: Record<string, unknown>, ctx: ActionContext): Promise<ModuleResult> | ModuleResult;
}

export function stringArg(args: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = args[name];
    if (value !== undefined && value !== null) return typeof value === 'string' ? value : String(value);
  }
  return undefined;
}
