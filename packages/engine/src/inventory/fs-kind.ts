import { statSync } from 'node:fs';

export type PathKind = 'file' | 'dir' | 'other';

/** What a path is after following links, or undefined when it does not exist. */
export function kindOfPath(path: string): PathKind | undefined {
  try {
    const st = statSync(path);
    if (st.isDirectory()) return 'dir';
    return st.isFile() ? 'file' : 'other';
  } catch {
    return undefined;
  }
}

export function pathExists(path: string): boolean {
  return kindOfPath(path) !== undefined;
}

export function isDirectory(path: string): boolean {
  return kindOfPath(path) === 'dir';
}
