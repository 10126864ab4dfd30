import { isMapping } from '../../playbook/errors.js';
import { pythonJsonDumps } from '../../template/python/json-dumps.js';

/**
 * The text of a result's `diff` (one or a list) as ansible-playbook --diff
 * shows it: a module's prepared text as is, or before/after contents as a
 * unified diff with 3 lines of context (Python's difflib output).
 */
export function unifiedDiffs(diff: unknown): string {
  const list = Array.isArray(diff) ? diff : [diff];
  // Ansible ends each diff with an empty line; the caller's display adds the last one.
  return list.map(oneDiff).filter((text) => text !== '').join('\n');
}

function oneDiff(diff: unknown): string {
  if (!isMapping(diff)) return '';
  if (typeof diff['prepared'] === 'string') return diff['prepared'].endsWith('\n') ? diff['prepared'] : `${diff['prepared']}\n`;
  const before = textOf(diff['before']);
  const after = textOf(diff['after']);
  if (before === undefined && after === undefined) return '';
  const from = typeof diff['before_header'] === 'string' ? `before: ${diff['before_header']}` : 'before';
  const to = typeof diff['after_header'] === 'string' ? `after: ${diff['after_header']}` : 'after';
  return unifiedDiff(splitLines(before ?? ''), splitLines(after ?? ''), from, to);
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return undefined;
  // Ansible's _serialize_diff: json.dumps(sort_keys=True, indent=4).
  return `${pythonJsonDumps(value, { indent: 4, sortKeys: true, ensureAscii: true })}\n`;
}

function splitLines(text: string): string[] {
  return text === '' ? [] : (text.match(/[^\n]*\n|[^\n]+$/g) ?? []);
}

type Op = ['equal' | 'replace' | 'delete' | 'insert', number, number, number, number];

/** difflib-style opcodes from a longest common subsequence of lines. */
function opcodes(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  const push = (tag: Op[0], i1: number, i2: number, j1: number, j2: number): void => {
    const last = ops[ops.length - 1];
    if (last && last[0] === tag) {
      last[2] = i2;
      last[4] = j2;
    } else ops.push([tag, i1, i2, j1, j2]);
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      push('equal', i, i + 1, j, j + 1);
      i++;
      j++;
    } else if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      push('insert', i, i, j, j + 1);
      j++;
    } else {
      push('delete', i, i + 1, j, j);
      i++;
    }
  }
  // A delete next to an insert is a replace, as difflib reports it.
  const merged: Op[] = [];
  for (const op of ops) {
    const last = merged[merged.length - 1];
    if (last && ((last[0] === 'delete' && op[0] === 'insert') || (last[0] === 'insert' && op[0] === 'delete'))) {
      merged[merged.length - 1] = ['replace', Math.min(last[1], op[1]), Math.max(last[2], op[2]), Math.min(last[3], op[3]), Math.max(last[4], op[4])];
    } else merged.push(op);
  }
  return merged;
}

/** difflib's get_grouped_opcodes with n lines of context. */
function grouped(ops: Op[], n: number): Op[][] {
  let codes = ops.length === 0 ? [['equal', 0, 1, 0, 1] as Op] : ops.map((o) => [...o] as Op);
  if (codes[0]![0] === 'equal') {
    const [, i1, i2, j1, j2] = codes[0]!;
    codes[0] = ['equal', Math.max(i1, i2 - n), i2, Math.max(j1, j2 - n), j2];
  }
  const lastIndex = codes.length - 1;
  if (codes[lastIndex]![0] === 'equal') {
    const [, i1, i2, j1, j2] = codes[lastIndex]!;
    codes[lastIndex] = ['equal', i1, Math.min(i2, i1 + n), j1, Math.min(j2, j1 + n)];
  }
  const groups: Op[][] = [];
  let group: Op[] = [];
  for (const [tag, i1, i2, j1, j2] of codes) {
    if (tag === 'equal' && i2 - i1 > 2 * n) {
      group.push(['equal', i1, Math.min(i2, i1 + n), j1, Math.min(j2, j1 + n)]);
      groups.push(group);
      group = [];
      group.push(['equal', Math.max(i1, i2 - n), i2, Math.max(j1, j2 - n), j2]);
      continue;
    }
    group.push([tag, i1, i2, j1, j2]);
  }
  if (group.length > 0 && !(group.length === 1 && group[0]![0] === 'equal')) groups.push(group);
  return groups;
}

function range(start: number, stop: number): string {
  let beginning = start + 1;
  const length = stop - start;
  if (length === 1) return String(beginning);
  if (length === 0) beginning -= 1;
  return `${beginning},${length}`;
}

/** Ansible ends a last line that has no newline with one before diffing. */
function line(prefix: string, text: string): string {
  return text.endsWith('\n') ? `${prefix}${text}` : `${prefix}${text}\n`;
}

export function unifiedDiff(a: readonly string[], b: readonly string[], from: string, to: string): string {
  const groups = grouped(opcodes(a, b), 3);
  if (groups.length === 0) return '';
  let out = `--- ${from}\n+++ ${to}\n`;
  for (const group of groups) {
    const first = group[0]!;
    const last = group[group.length - 1]!;
    out += `@@ -${range(first[1], last[2])} +${range(first[3], last[4])} @@\n`;
    for (const [tag, i1, i2, j1, j2] of group) {
      if (tag === 'equal') {
        for (const l of a.slice(i1, i2)) out += line(' ', l);
        continue;
      }
      if (tag === 'replace' || tag === 'delete') for (const l of a.slice(i1, i2)) out += line('-', l);
      if (tag === 'replace' || tag === 'insert') for (const l of b.slice(j1, j2)) out += line('+', l);
    }
  }
  return out;
}
