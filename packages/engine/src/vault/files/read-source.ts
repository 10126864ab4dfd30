import { readFile } from 'node:fs/promises';
import { vaultFileError } from '../errors.js';

/** Reads a file to encrypt, decrypt or edit, with Ansible's wording on failure. */
export async function readSourceFile(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw vaultFileError(`Unable to read source file (${path}): ${reason}`, err);
  }
}
