import { isMapping } from '../../playbook/errors.js';

/**
 * The text of a result's `diff` (one or a list): a module's prepared
 * unified diff, or before/after contents shown as whole-file replacement
 * in unified form with the headers Ansible uses.
 */
export function unifiedDiffs(diff: unknown): string {
  const list = Array.isArray(diff) ? diff : [diff];
  return list.map(oneDiff).filter((t) => t !== '').join('\n');
}

function oneDiff(diff: unknown): string {
  if (!isMapping(diff)) return '';
  if (typeof diff['prepared'] === 'string') return diff['prepared'];
  const before = typeof diff['before'] === 'string' ? diff['before'] : undefined;
  const after = typeof diff['after'] === 'string' ? diff['after'] : undefined;
  if (before === undefined && after === undefined) return '';
  const beforeHeader = typeof diff['before_header'] === 'string' ? diff['before_header'] : 'before';
  const afterHeader = typeof diff['after_header'] === 'string' ? diff['after_header'] : 'after';
  const a = splitKeep(before ?? '');
  const b = splitKeep(after ?? '');
  if (a.join('') === b.join('')) return '';
  const lines = [`--- ${beforeHeader}`, `+++ ${afterHeader}`, `@@ -${range(a.length)} +${range(b.length)} @@`];
  for (const l of a) lines.push(`-${l.replace(/\n$/, '')}`);
  for (const l of b) lines.push(`+${l.replace(/\n$/, '')}`);
  return `${lines.join('\n')}\n`;
}

function splitKeep(text: string): string[] {
  return text === '' ? [] : (text.match(/[^\n]*\n|[^\n]+$/g) ?? []);
}

function range(count: number): string {
  if (count === 0) return '0,0';
  return count === 1 ? '1' : `1,${count}`;
}
