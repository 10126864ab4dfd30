import { readdirSync, statSync, lstatSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface TreeFile {
  /** Path relative to the copy's dest. */
  rel: string;
  full: string;
  mode: number;
}

export interface LocalTree {
  files: TreeFile[];
  /** Directories (relative to dest) in creation order, parents first. */
  directories: string[];
}

/**
 * A controller directory as Ansible's copy walks it: `dir` copies the
 * directory itself into dest, `dir/` copies only what is inside.
 * Symlinks are followed when local_follow is true, skipped otherwise.
 */
export function walkLocalTree(src: string, localFollow: boolean): LocalTree {
  const prefix = src.endsWith('/') ? '' : basename(src);
  const tree: LocalTree = { files: [], directories: prefix === '' ? [] : [prefix] };
  const walk = (dir: string, rel: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      const childRel = rel === '' ? name : `${rel}/${name}`;
      const link = lstatSync(full).isSymbolicLink();
      if (link && !localFollow) continue;
      const st = statSync(full);
      if (st.isDirectory()) {
        tree.directories.push(childRel);
        walk(full, childRel);
      } else if (st.isFile()) {
        tree.files.push({ rel: childRel, full, mode: st.mode & 0o7777 });
      }
    }
  };
  walk(src, prefix);
  return tree;
}
