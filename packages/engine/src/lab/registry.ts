import { mkdir, readFile, readdir, rm, rmdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TsibleError, ExitCode } from '../errors/tsible-error.js';

/**
 * Which labs are up and where their state lives. Kept under /run so it
 * vanishes with a machine reboot, exactly like the namespaces it describes.
 */
export const REGISTRY_DIR = '/run/tsible-lab';

const NAME_RE = /^[a-z][a-z0-9-]{0,29}[a-z0-9]$/;

export function validateLabName(name: string): void {
  if (!NAME_RE.test(name)) {
    throw new TsibleError(`invalid lab name "${name}"`, {
      code: 'TSIBLE_LAB_NAME',
      hint: 'use 2-31 characters: lowercase letters, digits and "-", starting with a letter',
      exitCode: ExitCode.badOptions,
    });
  }
}

function entryPath(name: string, registryDir: string): string {
  return join(registryDir, `${name}.json`);
}

/** Claims a lab name atomically; fails when a lab of that name is already up. */
export async function claimLabName(name: string, stateDir: string, registryDir = REGISTRY_DIR): Promise<void> {
  const write = async () => {
    await mkdir(registryDir, { recursive: true, mode: 0o755 });
    await writeFile(entryPath(name, registryDir), JSON.stringify({ stateDir }) + '\n', { flag: 'wx', mode: 0o644 });
  };
  try {
    // The last `down` removes the registry dir; one retry covers it vanishing between mkdir and write.
    await write().catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? write() : Promise.reject(err)));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new TsibleError(`lab "${name}" is already up`, {
        code: 'TSIBLE_LAB_EXISTS',
        hint: `run "tsible lab down --name ${name}" first, or choose another --name`,
      });
    }
    throw err;
  }
}

/** The state dir of a lab that is up, or null. */
export async function findLab(name: string, registryDir = REGISTRY_DIR): Promise<string | null> {
  try {
    const parsed: unknown = JSON.parse(await readFile(entryPath(name, registryDir), 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && typeof (parsed as { stateDir?: unknown }).stateDir === 'string') {
      return (parsed as { stateDir: string }).stateDir;
    }
    return null;
  } catch {
    return null;
  }
}

/** Forgets a lab; the registry dir itself goes with the last lab. */
export async function releaseLabName(name: string, registryDir = REGISTRY_DIR): Promise<void> {
  await rm(entryPath(name, registryDir), { force: true });
  await rmdir(registryDir).catch(() => undefined);
}

/** Names of every registered lab, sorted. */
export async function listLabNames(registryDir = REGISTRY_DIR): Promise<string[]> {
  try {
    const entries = await readdir(registryDir);
    return entries.filter((e) => e.endsWith('.json')).map((e) => e.slice(0, -5)).sort();
  } catch {
    return [];
  }
}
