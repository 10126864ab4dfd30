import pLimit from 'p-limit';
import type { BecomeOptions, Connection } from '../connection/types.js';
import { UnreachableError } from '../connection/unreachable.js';
import type { Module } from '../module-api/module.js';
import { Emitter, type EventSink } from '../output/events.js';
import { countOutcome, emptyStats, type HostStats } from './host-stats.js';
import { runModuleTask, type TaskOutcome } from './module-task.js';
import { ExitCode, TsibleError } from '../errors/tsible-error.js';

export interface AdhocHost {
  name: string;
  vars: Readonly<Record<string, unknown>>;
}

export interface AdhocRequest {
  hosts: readonly AdhocHost[];
  module: Module;
  args: Readonly<Record<string, unknown>>;
  /**
   * The host as the task sees it: arguments and connection variables
   * templated with its variables. Absent: used as given. A TsibleError fails
   * that host only, before it is contacted.
   */
  prepare?: (host: AdhocHost, args: Readonly<Record<string, unknown>>) => PreparedHost;
  forks: number;
  checkMode: boolean;
  diffMode: boolean;
  /** Per-command limit (the task timeout), if any. */
  timeoutMs?: number | undefined;
  connectionFor(host: AdhocHost): Connection | Promise<Connection>;
  becomeFor(host: AdhocHost): BecomeOptions | undefined;
  /** The playbook directory: relative controller paths (copy's src, fetch's dest) resolve from it; the current directory when absent. */
  playbookDir?: string;
  /** Decrypts vaulted controller files that modules read (copy's src). */
  decryptIfVaulted?: (data: Buffer, file: string) => Promise<Buffer>;
  /** Called as soon as each host finishes, so output streams like Ansible's. */
  onResult(host: string, outcome: TaskOutcome): void;
  sink: EventSink;
}

export interface PreparedHost {
  host: AdhocHost;
  args: Readonly<Record<string, unknown>>;
}

export interface AdhocSummary {
  /** In the order hosts finished. */
  outcomes: Map<string, TaskOutcome>;
  stats: Record<string, HostStats>;
  exitCode: number;
}

/** Ansible's exit code: unreachable hosts win over failed ones. */
export function adhocExitCode(outcomes: Iterable<TaskOutcome>): number {
  let failed = false;
  for (const { status } of outcomes) {
    if (status === 'unreachable') return ExitCode.hostUnreachable;
    if (status === 'failed') failed = true;
  }
  return failed ? ExitCode.hostFailed : ExitCode.ok;
}

/** Recap counters and exit code for a finished set of outcomes. */
export function summariseOutcomes(outcomes: ReadonlyMap<string, TaskOutcome>): { stats: Record<string, HostStats>; exitCode: number } {
  const stats: Record<string, HostStats> = {};
  for (const [host, outcome] of outcomes) {
    const hostStats = emptyStats();
    countOutcome(hostStats, outcome.status);
    stats[host] = hostStats;
  }
  return { stats, exitCode: adhocExitCode(outcomes.values()) };
}

function failedOutcome(err: unknown): TaskOutcome {
  if (err instanceof UnreachableError) return { status: 'unreachable', result: { changed: false, msg: err.message, unreachable: true } };
  // A known problem (a variable this host lacks, a bad become method) in its own words.
  if (err instanceof TsibleError) return { status: 'failed', result: { failed: true, msg: err.message } };
  const message = err instanceof Error ? err.message : String(err);
  const stack = err instanceof Error && err.stack !== undefined ? err.stack : message;
  return { status: 'failed', result: { failed: true, msg: `Unexpected failure during module execution: ${message}`, exception: stack, stdout: '' } };
}

async function runOnHost(request: AdhocRequest, given: AdhocHost, emit: Emitter): Promise<TaskOutcome> {
  let connection: Connection | undefined;
  try {
    const { host, args } = request.prepare === undefined ? { host: given, args: request.args } : request.prepare(given, request.args);
    connection = await request.connectionFor(host);
    await connection.connect();
    return await runModuleTask(request.module, args, {
      connection,
      checkMode: request.checkMode,
      diffMode: request.diffMode,
      become: request.becomeFor(host),
      hostVars: host.vars,
      timeoutMs: request.timeoutMs,
      emit,
      controller: {
        inventoryHostname: host.name,
        searchPaths: [request.playbookDir ?? process.cwd()],
        workDir: request.playbookDir ?? process.cwd(),
        decryptIfVaulted: request.decryptIfVaulted,
      },
    });
  } catch (err) {
    // One host's failure must not stop the others.
    return failedOutcome(err);
  } finally {
    await connection?.close().catch(() => undefined);
  }
}

/** Runs one module on every host, `forks` at a time; a dead host fails alone. */
export async function runAdhoc(request: AdhocRequest): Promise<AdhocSummary> {
  const emit = new Emitter(request.sink);
  const limit = pLimit(Math.max(1, request.forks));
  const outcomes = new Map<string, TaskOutcome>();
  await Promise.all(
    request.hosts.map((host) =>
      limit(async () => {
        const outcome = await runOnHost(request, host, emit);
        outcomes.set(host.name, outcome);
        request.onResult(host.name, outcome);
      }),
    ),
  );
  return { outcomes, ...summariseOutcomes(outcomes) };
}
