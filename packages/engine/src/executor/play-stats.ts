import type { ModuleResult } from '../module-api/module.js';
import { emptyStats, type HostStats } from './host-stats.js';
import type { TaskStatus } from './module-task.js';

/**
 * Counts one task result in the recap as Ansible's strategy does: an ignored
 * failure or unreachable host is ok (and ignored), a failure a rescue will catch is rescued, not
 * failed; changed also counts as ok.
 */
export function countResult(stats: Map<string, HostStats>, host: string, status: TaskStatus, result: ModuleResult, ignored: boolean, rescuable: boolean): void {
  let s = stats.get(host);
  if (!s) stats.set(host, (s = emptyStats()));
  switch (status) {
    case 'ok':
      s.ok++;
      break;
    case 'changed':
      s.ok++;
      s.changed++;
      break;
    case 'skipped':
      s.skipped++;
      break;
    case 'failed':
      if (ignored) {
        s.ok++;
        s.ignored++;
        if (result.changed === true) s.changed++;
      } else if (rescuable) {
        s.rescued++;
      } else {
        s.failures++;
      }
      break;
    case 'unreachable':
      if (ignored) {
        s.ok++;
        s.ignored++;
      } else s.unreachable++;
      break;
  }
}
