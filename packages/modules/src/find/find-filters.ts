import { globToRegExp } from '@tsible/engine/inventory/patterns/fnmatch';
import type { PresentState } from '../support/file-state/file-state.js';
import type { FindParams } from './find-spec.js';

/** A bad age or size; the message names which. */
export class FindArgumentError extends Error {
  constructor(readonly option: 'age' | 'size') {
    super(`failed to process ${option}`);
  }
}

function matcher(patterns: readonly string[], useRegex: boolean): (name: string) => boolean {
  if (useRegex) {
    const regexes = patterns.map((p) => new RegExp(`^(?:${p})`));
    return (name) => regexes.some((r) => r.test(name));
  }
  const globs = patterns.map(globToRegExp);
  return (name) => globs.some((g) => g.test(name));
}

/**
 * Ansible's pfilter: a name passes when it matches a pattern (fnmatch glob, or
 * a regex matched at the start) and no exclude. No patterns means all names.
 */
export function nameFilter(patterns: readonly string[], excludes: readonly string[], useRegex: boolean): (name: string) => boolean {
  const included = matcher(patterns.length === 0 ? [useRegex ? '.*' : '*'] : patterns, useRegex);
  const excluded = excludes.length === 0 ? () => false : matcher(excludes, useRegex);
  return (name) => included(name) && !excluded(name);
}

const AGE_UNITS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
const SIZE_UNITS: Readonly<Record<string, number>> = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

function parseAmount(text: string, units: Readonly<Record<string, number>>, what: 'age' | 'size'): number {
  const match = new RegExp(`^(-?\\d+)([${Object.keys(units).join('')}])?$`).exec(text.toLowerCase());
  if (match === null) throw new FindArgumentError(what);
  return Number(match[1]) * (match[2] === undefined ? 1 : (units[match[2]] ?? 1));
}

/** Ansible's agefilter: age ≥ N, or ≤ |N| for a negative N (units s m h d w, default s). */
export function ageFilter(age: string | null, stamp: 'atime' | 'ctime' | 'mtime', now: number): (st: PresentState) => boolean {
  if (age === null) return () => true;
  const seconds = parseAmount(age, AGE_UNITS, 'age');
  return (st) => {
    const elapsed = now - st[stamp];
    return seconds >= 0 ? elapsed >= Math.abs(seconds) : elapsed <= Math.abs(seconds);
  };
}

/** Ansible's sizefilter: size ≥ N, or ≤ |N| for a negative N (units b k m g t, default b). */
export function sizeFilter(size: string | null): (st: PresentState) => boolean {
  if (size === null) return () => true;
  const bytes = parseAmount(size, SIZE_UNITS, 'size');
  return (st) => (bytes >= 0 ? st.size >= Math.abs(bytes) : st.size <= Math.abs(bytes));
}

export function typeFilter(fileType: FindParams['file_type']): (st: PresentState) => boolean {
  switch (fileType) {
    case 'any':
      return () => true;
    case 'directory':
      return (st) => st.type === 'directory';
    case 'link':
      return (st) => st.type === 'link';
    default:
      return (st) => st.type === 'file';
  }
}

/** Python regex spellings that POSIX ERE (grep -E) writes differently. */
export { pythonToExtendedRegex as toExtendedRegex } from '../support/python-ere.js';
