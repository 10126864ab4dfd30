import type { ModuleResult } from '../../module-api/module.js';

/** Statuses are already said by the line's caption, so the screen drops them (Ansible's clean_copy). */
const STATUS_KEYS = new Set(['failed', 'skipped']);

/**
 * What Ansible's callbacks strip before showing a result: internal
 * `_ansible_*` keys, status flags, warnings (shown separately), the
 * exception text, and invocation/diff below -vvv.
 */
export function displayedResult(result: ModuleResult, verbosity: number): ModuleResult {
  const shown: ModuleResult = {};
  for (const [key, value] of Object.entries(result)) {
    if (key.startsWith('_ansible_') || STATUS_KEYS.has(key) || key === 'exception' || key === 'warnings' || key === 'deprecations') continue;
    if (verbosity < 3 && (key === 'invocation' || key === 'diff')) continue;
    shown[key] = value;
  }
  return shown;
}

/** The line Ansible prints before a failed result that carries an exception. */
export function exceptionNotice(result: ModuleResult, verbosity: number): string | undefined {
  const exception = result['exception'];
  if (typeof exception !== 'string') return undefined;
  if (verbosity >= 3) return `An exception occurred during task execution. The full traceback is:\n${exception}`;
  const lines = exception.trim().split('\n');
  return `An exception occurred during task execution. To see the full traceback, use -vvv. The error was: ${lines[lines.length - 1] ?? ''}`;
}

/** `rc=` as Python formats result.get('rc', -1): a missing rc is -1, a null one None. */
export function rcText(result: ModuleResult): string {
  const rc = result.rc;
  if (rc === undefined) return '-1';
  if (rc === null) return 'None';
  return String(rc);
}

export function text(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}
