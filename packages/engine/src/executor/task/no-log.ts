import type { ModuleResult } from '../../module-api/module.js';

export const NO_LOG_MESSAGE = "the output has been hidden due to the fact that 'no_log: true' was specified for this result";

/** A result with everything but its status hidden, as Ansible shows no_log results. */
export function censored(result: ModuleResult): ModuleResult {
  const kept: ModuleResult = { censored: NO_LOG_MESSAGE };
  for (const key of ['changed', 'failed', 'skipped', 'unreachable']) if (key in result) kept[key] = result[key];
  return kept;
}

/** What output shows of a result: censored under no_log, or when the action asked for it (a vaulted include_vars file). */
export function shownResult(result: ModuleResult, noLog: boolean): ModuleResult {
  return noLog || result['_ansible_no_log'] === true ? censored(result) : result;
}
