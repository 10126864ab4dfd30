import type { TaskOutcome } from '../../executor/module-task.js';
import type { HostStats } from '../../executor/host-stats.js';

export interface AdhocJsonReport {
  hosts: Record<string, Record<string, unknown>>;
  stats: Record<string, HostStats>;
}

/** `--json`: every host's full result (with the action that produced it, as Ansible's json callback) and the stats. */
export function adhocJsonReport(
  action: string,
  outcomes: ReadonlyMap<string, TaskOutcome>,
  stats: Readonly<Record<string, HostStats>>,
): AdhocJsonReport {
  const hosts: Record<string, Record<string, unknown>> = {};
  for (const [host, outcome] of outcomes) {
    const kept = Object.entries(outcome.result).filter(([key]) => !key.startsWith('_ansible_'));
    hosts[host] = { action, ...Object.fromEntries(kept) };
  }
  return { hosts, stats: { ...stats } };
}
