import type { ModuleResult } from '../../module-api/module.js';

export const NO_LOG_MESSAGE = "the output has been hidden due to the fact that 'no_log: true' was specified for this result";

/** A result with everything but its status hidden, as Ansible shows no_log results. */
export function censored(result: ModuleResult): ModuleResult {
  const kept: ModuleResult = { censored: NO_LOG_MESSAGE };
  for (const key of ['changed', 'failed', 'skipped', 'unreachable']) if (key in result) kept[key] = result[key];
  return kept;
}
