import type { ArgumentSpec, ParamsOf } from './argument-spec.js';
import type { BecomeOptions, Connection } from '../connection/types.js';
import type { Emitter } from '../output/events.js';

/**
 * The controller's side of a task, for modules that move files between the
 * controller and the target (copy's src, fetch's dest). Modules use Node's
 * file system for controller files; this says where to look and for whom.
 */
export interface ControllerContext {
  /** The host's inventory name (fetch lays files out under dest/NAME/). */
  readonly inventoryHostname: string;
  /**
   * Directories searched in order for a relative `src`: in each, `files/NAME`
   * and then `NAME` (the role's directory first, then the playbook's; the
   * current directory for ad-hoc runs).
   */
  readonly searchPaths: readonly string[];
  /** Where relative controller paths such as fetch's dest are resolved. */
  readonly workDir: string;
  /** Decrypts a vault-encrypted controller file's bytes (copy's `decrypt`); other bytes come back as they are. */
  readonly decryptIfVaulted?: ((data: Buffer, file: string) => Promise<Buffer>) | undefined;
}

/** What a module sees of the world: one host's connection and the run's modes. */
export interface ModuleContext {
  readonly connection: Connection;
  readonly checkMode: boolean;
  readonly diffMode: boolean;
  readonly become?: BecomeOptions | undefined;
  readonly hostVars?: Readonly<Record<string, unknown>> | undefined;
  /** Per-command limit in milliseconds (the task timeout), if any. */
  readonly timeoutMs?: number | undefined;
  readonly emit: Emitter;
  readonly controller?: ControllerContext | undefined;
  /** For modules that manage the connection: drop it and open a fresh one (throws while the host is down). */
  readonly reconnect?: (() => Promise<Connection>) | undefined;
  /** The task's `async` and `poll` keywords (0 and 15 when unset), for modules whose action depends on them (iptables_state's rollback). */
  readonly asyncSeconds?: number | undefined;
  readonly pollSeconds?: number | undefined;
}

/** Ansible's common return values; modules add their own keys. */
export interface ModuleResult {
  changed?: boolean;
  failed?: boolean;
  skipped?: boolean;
  msg?: string;
  rc?: number | null;
  stdout?: string;
  stderr?: string;
  stdout_lines?: string[];
  stderr_lines?: string[];
  cmd?: string | string[] | null;
  start?: string | null;
  end?: string | null;
  delta?: string | null;
  diff?: unknown;
  warnings?: string[];
  [key: string]: unknown;
}

export interface Module<S extends ArgumentSpec = ArgumentSpec> {
  /** Short name, e.g. 'command'; FQCNs resolve to it. */
  readonly name: string;
  readonly spec: S;
  /** The name Ansible's argument errors use, if not `name` (shell and command report as ansible.legacy.command). */
  readonly specOwner?: string;
  readonly supportsCheckMode: boolean;
  /**
   * Takes a free-form command line: only Ansible's command options
   * (creates, chdir, ...) come out of it as `key=value`, everything else
   * stays in `_raw_params` (Ansible's check_raw), and ad-hoc runs need `-a`.
   */
  readonly freeForm?: boolean;
  /** Arguments the action always sets, as Ansible's shell action sets `_uses_shell`. */
  readonly presetArgs?: Readonly<Record<string, unknown>>;
  /** Runs no module code on the target (raw), so its result has no `invocation`. */
  readonly bareAction?: boolean;
  /** Output is shown as `rc=N >>` text rather than JSON (command, shell, raw). */
  readonly textOutput?: boolean;
  /** Opens its connection itself through `reconnect` (the host may be down when the task starts: reboot, wait_for_connection). */
  readonly managesConnection?: boolean;
  run(ctx: ModuleContext, params: ParamsOf<S>): Promise<ModuleResult>;
}

export type ModuleRegistry = ReadonlyMap<string, Module>;
