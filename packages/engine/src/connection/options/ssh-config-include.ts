import { readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import picomatch from 'picomatch';

const MAX_DEPTH = 16;
const INCLUDE_LINE = /^\s*Include\s*=?\s*(.+?)\s*$/i;

/**
 * The text of an ssh config file with its `Include` lines replaced by the
 * files they name (globs in the last path component, ~ for home, relative
 * names against ~/.ssh as ssh does for user configs), read in place.
 */
export function readWithIncludes(path: string, home: string, depth = 0): string {
  const text = readFileSync(path, 'utf8');
  if (depth >= MAX_DEPTH) return text;
  return text
    .split('\n')
    .map((line) => {
      const match = INCLUDE_LINE.exec(line);
      if (!match) return line;
      return match[1]!
        .split(/\s+/)
        .flatMap((pattern) => expandInclude(pattern, join(home, '.ssh'), home))
        .map((file) => readIncluded(file, home, depth + 1))
        .join('\n');
    })
    .join('\n');
}

/** A missing included file is skipped, as ssh does. */
function readIncluded(path: string, home: string, depth: number): string {
  try {
    return readWithIncludes(path, home, depth);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

function expandInclude(pattern: string, baseDir: string, home: string): string[] {
  const unquoted = pattern.replace(/^"(.*)"$/, '$1');
  const withHome = unquoted.startsWith('~/') ? join(home, unquoted.slice(2)) : unquoted;
  const full = isAbsolute(withHome) ? withHome : join(baseDir, withHome);
  const dir = dirname(full);
  const name = full.slice(dir.length + 1);
  if (!/[*?[]/.test(name)) return [full];
  const matches = picomatch(name);
  try {
    return readdirSync(dir)
      .filter((entry) => matches(entry))
      .sort()
      .map((entry) => join(dir, entry));
  } catch {
    return [];
  }
}
