import { ExitCode } from '../errors/tsible-error.js';
import { emitRunEvent } from '../output/run-events.js';
import type { Playbook } from '../playbook/model.js';
import { runPlay } from './play-runner.js';
import type { RunContext } from './run-context.js';

/**
 * Ansible's exit code: the last batch's result. A batch stopped by
 * any_errors_fatal or max_fail_percentage gives 2; otherwise unreachable
 * hosts (4) over failed ones (2) over ok (0).
 */
export function exitCodeOf(run: Pick<RunContext, 'failedHosts' | 'unreachableHosts' | 'lastBatchBroke'>): number {
  if (run.lastBatchBroke) return ExitCode.hostFailed;
  if (run.unreachableHosts.size > 0) return ExitCode.hostUnreachable;
  return run.failedHosts.size > 0 ? ExitCode.hostFailed : ExitCode.ok;
}

/**
 * Runs the playbooks' plays in order; a play where every host failed ends
 * the run. Connections are closed and the recap is reported whatever
 * happens, including an interruption.
 */
export async function runPlaybooks(run: RunContext, playbooks: readonly Playbook[]): Promise<number> {
  try {
    outer: for (const playbook of playbooks) {
      emitRunEvent(run.sink, { type: 'playbook.start', file: playbook.file });
      for (const play of playbook.plays) {
        if (run.signal.aborted) break outer;
        const hostsLeft = await runPlay(run, play);
        if (!hostsLeft) break outer;
      }
    }
  } finally {
    await run.connections.closeAll();
  }
  if (run.signal.aborted) emitRunEvent(run.sink, { type: 'run.interrupted' });
  emitRunEvent(run.sink, { type: 'run.recap', stats: Object.fromEntries(run.stats), customStats: run.customStats });
  return run.signal.aborted ? ExitCode.interrupted : exitCodeOf(run);
}
