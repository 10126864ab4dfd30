import type { PlayContext } from './run-context.js';

/** How a batch ended, as Ansible's playbook executor judges it. */
export interface BatchOutcome {
  /** any_errors_fatal or max_fail_percentage stopped the batch: later plays do not run, the exit code is 2. */
  broke: boolean;
  /** Every host of the batch failed or was unreachable: later batches do not run either. */
  allFailed: boolean;
  /** Why later batches stop, and how many hosts of the batch failed, for the abort message. */
  reason: string;
  failed: number;
}

/**
 * Ansible stops later batches only when the hosts newly failed plus those
 * newly unreachable add up to exactly the batch size. A host that went
 * unreachable on the task that made the batch fatal is counted in both, so
 * such a batch does not stop the next one (while later plays still stop).
 */
export function batchOutcome(pc: PlayContext, batch: readonly string[]): BatchOutcome {
  const failed = batch.filter((h) => pc.failed.has(h)).length;
  const unreachable = batch.filter((h) => pc.unreachable.has(h)).length;
  const twice = batch.filter((h) => pc.failedWhileUnreachable.has(h)).length;
  const exceeded = pc.maxFailExceeded;
  return {
    broke: pc.fatal || exceeded !== undefined,
    allFailed: failed + unreachable + twice === batch.length,
    reason: exceeded !== undefined ? `max_fail_percentage ${exceeded.limit}` : pc.fatal ? 'any_errors_fatal' : unreachable > 0 ? 'every host failed or was unreachable' : 'every host failed',
    failed: exceeded?.failed ?? batch.filter((h) => pc.failed.has(h) || pc.unreachable.has(h)).length,
  };
}
