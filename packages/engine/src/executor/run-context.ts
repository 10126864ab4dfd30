import type { Inventory } from '../inventory/inventory.js';
import type { ModuleRegistry } from '../module-api/module.js';
import type { ConnectionSettings } from '../connection/options/settings.js';
import type { Emitter, EventSink } from '../output/events.js';
import type { TagSelection } from '../playbook/tag-selection.js';
import type { HostVarStore } from '../vars/host-var-store.js';
import type { PlayVarsInput } from '../vars/layered-vars.js';
import type { RunFacts } from '../vars/magic-vars.js';
import type { BecomeDefaults } from './become-from-vars.js';
import type { ConnectionPool } from './connection-pool.js';
import type { HostStats } from './host-stats.js';
import type { Block, Play } from '../playbook/model.js';
import type { PlaybookLoadOptions } from '../playbook/load/scope.js';
import type { Environment } from '../template/jinja/environment.js';
import type { VaultValues } from '../vars/vault-values.js';
import type { Terminal } from './terminal.js';

/** How the run was asked for (command line over configuration). */
export interface RunOptions {
  checkMode: boolean;
  diffMode: boolean;
  verbosity: number;
  forks: number;
  become: BecomeDefaults;
  connection: ConnectionSettings;
  /** -c, -u, --private-key: defaults under host variables. */
  connectionDefaults: Readonly<Record<string, unknown>>;
  tags: TagSelection;
  forceHandlers: boolean;
  startAtTask: string | undefined;
  /** Task timeout in seconds from configuration (TASK_TIMEOUT), 0 for none. */
  taskTimeout: number;
  /** DEFAULT_GATHERING: implicit (gather unless the play says no) or explicit. */
  gathering: string;
  /** ANY_ERRORS_FATAL: any_errors_fatal where no play, block or task sets it. */
  anyErrorsFatal: boolean;
}

/** Everything shared by the plays of one run. */
export interface RunContext {
  inventory: Inventory;
  store: HostVarStore;
  modules: ModuleRegistry;
  sink: EventSink;
  events: Emitter;
  options: RunOptions;
  connections: ConnectionPool;
  runFacts: RunFacts;
  extraVars: Readonly<Record<string, unknown>>;
  stats: Map<string, HostStats>;
  customStats: Record<string, unknown>;
  signal: AbortSignal;
  /** Filters, tests and compiled templates shared by every templar of the run. */
  templateEnvironment: Environment;
  /** How task files of include_tasks/include_role are read. */
  loadOptions: PlaybookLoadOptions;
  /** --limit. */
  limit: string | undefined;
  /** Hosts that failed or were unreachable in an earlier play: later plays leave them out. */
  deadHosts: Set<string>;
  /** Hosts that failed (meta: clear_host_errors forgives them) and that were unreachable: the exit code. */
  failedHosts: Set<string>;
  unreachableHosts: Set<string>;
  /** The last batch run was stopped by any_errors_fatal or max_fail_percentage: Ansible then exits 2 even with unreachable hosts. */
  lastBatchBroke: boolean;
  /** Decrypted vault values (plaintext for templates and module arguments). */
  vaultValues: VaultValues;
  /** --start-at-task: the task name still to be found. */
  startAt: { pending: string | undefined };
  /** The user's terminal, when there is one: --step, vars_prompt and pause ask on it. */
  terminal: Terminal | undefined;
  /** --step: asks before each task until answered with continue. */
  step: { active: boolean };
}

/** One play while it runs: its hosts' state on top of the run. */
export interface PlayContext {
  run: RunContext;
  play: Play;
  varsInput: PlayVarsInput;
  /** Hosts that failed (no more tasks), and why the play stops for them. */
  failed: Set<string>;
  unreachable: Set<string>;
  /** Failed hosts meta: clear_host_errors forgave: they take no more tasks but do not fail the run. */
  forgiven: Set<string>;
  /** Hosts that ended with meta: end_host. */
  ended: Set<string>;
  /** A failure under any_errors_fatal in this batch: later plays do not run. */
  fatal: boolean;
  /** Set by meta: end_play / end_batch: no more tasks in this batch. */
  endPlay: boolean;
  /** The stop came from meta: end_batch: the next batch still runs. */
  endBatchOnly: boolean;
  /** The play's max_fail_percentage, templated once per play (Ansible templates it like serial). */
  maxFailPercentage: unknown;
  /** More of the batch failed than max_fail_percentage allows (how many did): later plays do not run. */
  maxFailExceeded: { failed: number; limit: number } | undefined;
  /**
   * Hosts that went unreachable on the very task that made the batch fatal
   * (any_errors_fatal, max_fail_percentage): Ansible marks them failed too,
   * so they count twice when it checks whether the whole batch failed.
   */
  failedWhileUnreachable: Set<string>;
  /** Handler notifications per host, by handler. */
  notified: Map<string, Set<string>>;
  /** The hosts of the batch being run (all the play's hosts without serial). */
  hosts: readonly string[];
  /** Handlers of roles brought in by include_role while the play runs. */
  dynamicHandlers: Block[];
}

/** The hosts still taking tasks. */
export function activeHosts(ctx: PlayContext): string[] {
  return ctx.hosts.filter((h) => !ctx.failed.has(h) && !ctx.unreachable.has(h) && !ctx.ended.has(h) && !ctx.forgiven.has(h));
}
