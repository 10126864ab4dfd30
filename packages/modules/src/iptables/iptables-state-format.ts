/**
 * iptables-save output as Ansible's iptables_state compares it: whole states
 * without timestamps (and without counters unless asked), and per-table rule
 * lists without headers, COMMIT or counters.
 */

export const TABLES = ['filter', 'mangle', 'nat', 'raw', 'security'] as const;

const nonEmptyLines = (text: string): string[] => text.split(/\r?\n/).filter((l) => l !== '');

/** Ansible's filter_and_format_state. */
export function formattedState(text: string, counters: boolean): string[] {
  let out = text.replace(/((^|\n)# (Generated|Completed)[^\n]*) on [^\n]*/g, '$1');
  if (!counters) out = out.replace(/\[[0-9]+:[0-9]+\]/g, '[0:0]');
  return nonEmptyLines(out);
}

/** One table's part of Ansible's per_table_state: its rules and chains, bare. */
export function tableRules(text: string, table: string): string[] {
  const headers = new RegExp(`(^|\\n)(# Generated|# Completed|[*]${table}|COMMIT)[^\\n]*`, 'g');
  return nonEmptyLines(text.replace(headers, '').replace(/ *\[[0-9]+:[0-9]+\] */g, ''));
}

/** Ansible's read_state: a file's non-empty lines. */
export function stateLines(text: string): string[] {
  return nonEmptyLines(text);
}

export type TableRules = Record<string, string[]>;

export function sameTables(a: TableRules, b: TableRules): boolean {
  const keys = Object.keys(a).sort();
  return keys.join() === Object.keys(b).sort().join() && keys.every((k) => (a[k] ?? []).join('\n') === (b[k] ?? []).join('\n'));
}

export const sameLines = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((l, i) => l === b[i]);
