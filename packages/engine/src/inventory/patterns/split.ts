import { parseAddress } from '../parse/address.js';

/**
 * Splits host patterns as Ansible does: on commas when there are any,
 * otherwise keeps an address (IPv6, host[1:3]) whole, otherwise splits on
 * colons outside brackets (the old `a:b:&c` form).
 */
export function splitHostPattern(pattern: string | readonly string[]): string[] {
  if (typeof pattern !== 'string') return pattern.flatMap((p) => splitHostPattern(p));
  let parts: string[];
  if (pattern.includes(',')) parts = pattern.split(',');
  else {
    try {
      parseAddress(pattern, true);
      parts = [pattern];
    } catch {
      parts = pattern.match(/(?:[^\s:[\]]|\[[^\]]*\])+/g) ?? [];
    }
  }
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** Plain patterns first, then intersections (&), then exclusions (!); 'all' when only the latter. */
export function orderPatterns(patterns: readonly string[]): string[] {
  const regular: string[] = [];
  const intersect: string[] = [];
  const exclude: string[] = [];
  for (const p of patterns) {
    if (!p) continue;
    if (p[0] === '!') exclude.push(p);
    else if (p[0] === '&') intersect.push(p);
    else regular.push(p);
  }
  if (regular.length === 0) regular.push('all');
  return [...regular, ...intersect, ...exclude];
}

const WITH_SUBSCRIPT = /^(.+)\[(?:(-?[0-9]+)|([0-9]+)([:-])([0-9]*))\]$/s;

export interface Subscript {
  start: number;
  end: number | undefined;
  dashForm: boolean;
}

/** `web[1:3]` → ('web', 1..3); regexes (~...) never carry a subscript. */
export function splitSubscript(pattern: string): { expr: string; subscript: Subscript | undefined } {
  if (pattern[0] === '~') return { expr: pattern, subscript: undefined };
  const m = WITH_SUBSCRIPT.exec(pattern);
  if (!m) return { expr: pattern, subscript: undefined };
  const expr = m[1] as string;
  if (m[2] !== undefined) return { expr, subscript: { start: Number(m[2]), end: undefined, dashForm: false } };
  const end = m[5] ? Number(m[5]) : -1;
  return { expr, subscript: { start: Number(m[3]), end, dashForm: m[4] === '-' } };
}

/** Python slicing semantics, as Ansible applies a subscript. Throws RangeError for a bad single index. */
export function applySubscript<T>(items: readonly T[], subscript: Subscript | undefined): T[] {
  if (items.length === 0 || !subscript) return [...items];
  const { start } = subscript;
  let { end } = subscript;
  if (end) {
    if (end === -1) end = items.length - 1;
    return pySlice(items, start, end + 1);
  }
  const index = start < 0 ? items.length + start : start;
  if (index < 0 || index >= items.length) throw new RangeError('list index out of range');
  return [items[index] as T];
}

function pySlice<T>(items: readonly T[], start: number, stop: number): T[] {
  const norm = (i: number): number => (i < 0 ? Math.max(0, items.length + i) : Math.min(i, items.length));
  return items.slice(norm(start), norm(stop));
}
