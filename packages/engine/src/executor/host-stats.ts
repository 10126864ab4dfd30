import type { TaskStatus } from './module-task.js';

/** Ansible's per-host recap counters (PLAY RECAP, json callback `stats`). */
export interface HostStats {
  changed: number;
  failures: number;
  ignored: number;
  ok: number;
  rescued: number;
  skipped: number;
  unreachable: number;
}

export function emptyStats(): HostStats {
  return { changed: 0, failures: 0, ignored: 0, ok: 0, rescued: 0, skipped: 0, unreachable: 0 };
}

/** A changed result also counts as ok, as in Ansible's recap. */
export function countOutcome(stats: HostStats, status: TaskStatus): void {
  if (status === 'ok' || status === 'changed') stats.ok += 1;
  if (status === 'changed') stats.changed += 1;
  if (status === 'failed') stats.failures += 1;
  if (status === 'skipped') stats.skipped += 1;
  if (status === 'unreachable') stats.unreachable += 1;
}
