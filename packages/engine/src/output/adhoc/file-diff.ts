import type { TaskOutcome } from '../../executor/module-task.js';
import { unifiedDiffs } from '../playbook/diff-text.js';

/** Python's truth value of a JSON value: empty strings, lists and dicts are false. */
function truthy(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === '' || value === 0) return false;
  if (Array.isArray(value)) return value.length > 0;
  return typeof value !== 'object' || Object.keys(value).length > 0;
}

/**
 * `ansible -D`: the minimal callback shows a successful result's diff before
 * its status line, changed or not. The text is displayed as one more line,
 * so a diff with no differences still prints an empty line, as Ansible does.
 */
export function adhocDiff(outcome: TaskOutcome): string {
  if (outcome.status !== 'ok' && outcome.status !== 'changed') return '';
  const diff = outcome.result.diff;
  return truthy(diff) ? `${unifiedDiffs(diff)}\n` : '';
}
