import type { TaskOutcome } from '../../executor/module-task.js';
import type { HostStats } from '../../executor/host-stats.js';
import { displayedResult } from './display-result.js';

export interface AdhocJsonReport {
  hosts: Record<string, Record<string, unknown>>;
  stats: Record<string, HostStats>;
}

/** `--json`: every host's result (with the action that produced it) and the stats, in one document. */
export function adhocJsonReport(
  action: string,
  outcomes: ReadonlyMap<string, TaskOutcome>,
  stats: Readonly<Record<string, HostStats>>,
  verbosity: number,
): AdhocJsonReport {
  const hosts: Record<string, Record<string, unknown>> = {};
  for (const [host, outcome] of outcomes) {
    const { result } = outcome;
    const shown = displayedResult(result, Math.max(verbosity, 3));
    hosts[host] = { action, ...shown, ...(result.warnings === undefined ? {} : { warnings: result.warnings }) };
  }
  return { hosts, stats: { ...stats } };
}
