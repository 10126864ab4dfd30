import { statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { ModuleContext } from '@tsible/engine';

/**
 * Finds a controller file the way Ansible's action plugins look for `src`:
 * absolute paths as given; relative ones in each search path's `files/`
 * (or `templates/`) directory, then in the search path itself.
 */
export function findControllerSource(ctx: ModuleContext, src: string, subdir = 'files'): string | null {
  if (isAbsolute(src)) return exists(src) ? src : null;
  const found = searchedPaths(ctx, src, subdir).find(exists);
  return found === undefined ? null : resolve(found);
}

/** Every place a relative `src` is looked for, in order (`files/` for copy, `templates/` for template). */
export function searchedPaths(ctx: ModuleContext, src: string, subdir = 'files'): string[] {
  const bases = ctx.controller?.searchPaths ?? [process.cwd()];
  return bases.flatMap((base) => [join(base, subdir, src), join(base, src)]);
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

/** Ansible's message for a controller file (src, script) that is not there. */
export function notOnControllerMessage(src: string): string {
  return `Could not find or access '${src}' on the Ansible Controller.\nIf you are using a module and expect the file to exist on the remote, see the remote_src option`;
}
