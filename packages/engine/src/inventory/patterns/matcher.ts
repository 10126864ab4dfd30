import { InventoryError } from '../errors.js';
import { globToRegExp } from './fnmatch.js';
import { pythonRegExp } from './python-regex.js';

/** The names (groups or hosts) one pattern matches, in the given order. */
export function matchNames(names: Iterable<string>, pattern: string): string[] {
  let re: RegExp;
  try {
    re = pattern[0] === '~' ? pythonRegExp(pattern.slice(1)) : globToRegExp(pattern);
  } catch {
    throw new InventoryError(`Invalid host list pattern: ${pattern}`, 'TSIBLE_PATTERN_INVALID', {
      hint: 'globs use * ? [abc]; regular expressions start with ~',
    });
  }
  const out: string[] = [];
  for (const name of names) if (re.test(name)) out.push(name);
  return out;
}
