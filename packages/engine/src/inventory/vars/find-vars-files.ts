import { readdirSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';

/** The extensions Ansible tries after the bare name, in this order. */
export const VARS_EXTENSIONS: readonly string[] = ['.yml', '.yaml', '.json'];

function kind(path: string): 'file' | 'dir' | undefined {
  try {
    const st = statSync(path);
    if (st.isDirectory()) return 'dir';
    return st.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The files that hold variables for `name` under a group_vars/host_vars
 * directory, as Ansible's find_vars_files: the FIRST of NAME, NAME.yml,
 * NAME.yaml, NAME.json that exists; a directory contributes its files in
 * sorted order, recursively, skipping hidden files, backups and other
 * extensions.
 */
export function findVarsFiles(dir: string, name: string): string[] {
  const base = join(dir, name);
  for (const ext of ['', ...VARS_EXTENSIONS]) {
    const full = base + ext;
    const k = kind(full);
    if (k === 'dir') return dirVarsFiles(full);
    if (k === 'file') return [full];
  }
  return [];
}

function dirVarsFiles(dir: string): string[] {
  const found: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return found;
  }
  // Python sorts by code point; so does a plain comparison of UTF-16 for the BMP.
  entries.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const entry of entries) {
    if (entry.startsWith('.') || entry.endsWith('~')) continue;
    const ext = extname(entry);
    const full = join(dir, entry);
    const k = kind(full);
    if (k === 'dir' && !ext) found.push(...dirVarsFiles(full));
    else if (k === 'file' && (!ext || VARS_EXTENSIONS.includes(ext))) found.push(full);
  }
  return found;
}

export function isDirectory(path: string): boolean {
  return kind(path) === 'dir';
}
