import { statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { ModuleContext } from '@tsible/engine';

/**
 * Finds a controller file the way Ansible's action plugins look for `src`:
 * absolute paths as given; relative ones in each search path's `files/`
 * directory, then in the search path itself.
 */
export function findControllerSource(ctx: ModuleContext, src: string): string | null {
  if (isAbsolute(src)) return exists(src) ? src : null;
  const found = searchedPaths(ctx, src).find(exists);
  return found === undefined ? null : resolve(found);
}

/** Every place a relative `src` is looked for, in order. */
export function searchedPaths(ctx: ModuleContext, src: string): string[] {
  const bases = ctx.controller?.searchPaths ?? [process.cwd()];
  return bases.flatMap((base) => [join(base, 'files', src), join(base, src)]);
}

/** A controller path relative to the run's working directory. */
export function controllerPath(ctx: ModuleContext, path: string): string {
  return isAbsolute(path) ? path : resolve(ctx.controller?.workDir ?? process.cwd(), path);
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
