import { randomBytes } from 'node:crypto';
import { chmod, chown, open, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { vaultFileError } from '../errors.js';

export interface AtomicWriteOptions {
  /** Mode for a file that does not exist yet; an existing file keeps its own. */
  newFileMode?: number;
}

async function existingTarget(path: string): Promise<{ path: string; mode: number; uid: number; gid: number } | undefined> {
  try {
    const real = await realpath(path);
    const info = await stat(real);
    return { path: real, mode: info.mode & 0o7777, uid: info.uid, gid: info.gid };
  } catch {
    return undefined;
  }
}

async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch {
    // Some filesystems refuse fsync on directories; the rename is still atomic.
  } finally {
    await handle.close();
  }
}

/**
 * Writes through a private temp file in the target's directory, fsynced and
 * renamed over the target: readers see the old or the new content, never a
 * half-written file, and a crash leaves no plaintext under the real name.
 * Symlinks are followed; the original mode (and owner, when allowed) is kept.
 */
export async function writeFileAtomic(path: string, data: Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const existing = await existingTarget(path);
  const target = existing?.path ?? path;
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  try {
    const handle = await open(temp, 'wx', 0o600);
    created = true;
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await chmod(temp, existing?.mode ?? options.newFileMode ?? 0o600);
    if (existing !== undefined) await chown(temp, existing.uid, existing.gid).catch(() => undefined);
    await rename(temp, target);
    created = false;
    await fsyncDirectory(dirname(target));
  } catch (err) {
    if (created) await unlink(temp).catch(() => undefined);
    const reason = err instanceof Error ? err.message : String(err);
    throw vaultFileError(`Unable to write ${path}: ${reason}`, err);
  }
}
