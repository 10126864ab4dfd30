import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { parseRecipeHeader, type RecipeHeader } from './header.js';

export interface Recipe extends RecipeHeader {
  /** File name without .yml/.yaml: what `tsible recipes show NAME` takes. */
  name: string;
  file: string;
}

const PLAYBOOK = /\.ya?ml$/;

/** Files of a directory that look like playbooks; a missing directory has none. */
async function playbookFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isFile() && PLAYBOOK.test(e.name)).map((e) => join(dir, e.name)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
    throw error;
  }
}

/**
 * Every recipe in the given directories, in order; a name met again in a later
 * directory is shadowed by the first, as on a PATH.
 */
export async function discoverRecipes(dirs: readonly string[]): Promise<Recipe[]> {
  const recipes: Recipe[] = [];
  const seen = new Set<string>();
  for (const dir of dirs) {
    for (const file of await playbookFiles(dir)) {
      const name = basename(file, extname(file));
      if (seen.has(name)) continue;
      seen.add(name);
      recipes.push({ name, file, ...parseRecipeHeader(await readFile(file, 'utf8'), file) });
    }
  }
  return recipes;
}
