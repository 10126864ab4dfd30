import { aptUpdateLoop } from '../apt/apt-update.js';
import { firstRecord, type ScriptOutcome } from '../support/remote/run-script.js';

/**
 * sh updating apt's cache after the sources changed; when every attempt
 * fails, `revert` runs and apt's error and warning lines are reported as
 * python-apt words them (`E:...`, `W:...`, joined by commas).
 */
export function aptUpdateScript(retries: number, maxDelay: number, revert: string): string {
  // python-apt's message lists apt's errors, then its notices and warnings both as `W:...`.
  const report = `printf '@upd\\t%s\\n' "$(printf '%s\\n' "$ts_uerr" | sed -n -e 's/^\\([EW]\\): /\\1:/p' -e 's/^N: /W:/p' | base64 | tr -d '\\n')"`;
  return aptUpdateLoop({ program: 'apt-get', retries, maxDelay, onFailure: `${revert}; ${report}; exit 0` }).join('\n');
}

/** Ansible's message when the cache update failed, or undefined. */
export function updateFailure(run: ScriptOutcome): string | undefined {
  const record = firstRecord(run, '@upd');
  if (record === undefined) return undefined;
  const errors = Buffer.from(record[0] ?? '', 'base64').toString('utf8').split('\n').filter((l) => l !== '');
  return `Failed to update apt cache: ${errors.length > 0 ? errors.join(', ') : 'unknown reason'}`;
}
