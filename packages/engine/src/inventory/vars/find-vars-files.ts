import { readdirSync, type Dirent } from 'node:fs';
import { join, extname } from 'node:path';
import { kindOfPath, type PathKind } from '../fs-kind.js';

/** The extensions Ansible tries after the bare name, in this order. */
export const VARS_EXTENSIONS: readonly string[] = ['.yml', '.yaml', '.json'];

type Kind = PathKind;

function kindOfEntry(dir: string, entry: Dirent): Kind | undefined {
  if (entry.isDirectory()) return 'dir';
  if (entry.isFile()) return 'file';
  // Symbolic links count as what they point to, as os.path.isdir/isfile do.
  return entry.isSymbolicLink() ? kindOfPath(join(dir, entry.name)) : 'other';
}

function listing(dir: string): Map<string, Kind> {
  const kinds = new Map<string, Kind>();
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return kinds;
  }
  for (const e of entries) {
    const k = kindOfEntry(dir, e);
    if (k) kinds.set(e.name, k);
  }
  return kinds;
}

/**
 * One group_vars/ or host_vars/ directory, listed once: an inventory with
 * thousands of hosts asks it about every host.
 */
export class VarsDirectory {
  private readonly entries: Map<string, Kind>;

  constructor(readonly path: string) {
    this.entries = listing(path);
  }

  /**
   * The files that hold variables for `name`, as Ansible's find_vars_files:
   * the FIRST of NAME, NAME.yml, NAME.yaml, NAME.json that exists; a
   * directory contributes its files in sorted order, recursively, skipping
   * hidden files, backups and other extensions.
   */
  filesFor(name: string): string[] {
    for (const ext of ['', ...VARS_EXTENSIONS]) {
      const entry = name + ext;
      // Names with a slash reach into subdirectories: ask the file system.
      const k = entry.includes('/') ? kindOfPath(join(this.path, entry)) : this.entries.get(entry);
      if (k === 'dir') return dirVarsFiles(join(this.path, entry));
      if (k === 'file') return [join(this.path, entry)];
    }
    return [];
  }
}

function dirVarsFiles(dir: string): string[] {
  const found: string[] = [];
  // Python sorts by code point; so does a plain comparison of UTF-16 for the BMP.
  const names = [...listing(dir)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [entry, k] of names) {
    if (entry.startsWith('.') || entry.endsWith('~')) continue;
    const ext = extname(entry);
    const full = join(dir, entry);
    if (k === 'dir' && !ext) found.push(...dirVarsFiles(full));
    else if (k === 'file' && (!ext || VARS_EXTENSIONS.includes(ext))) found.push(full);
  }
  return found;
}
