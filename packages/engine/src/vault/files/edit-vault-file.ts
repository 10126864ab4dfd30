import { mkdir, realpath, stat } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import { Emitter, type EventSink } from '../../output/events.js';
import { vaultFileError } from '../errors.js';
import type { VaultSecret } from '../secrets/vault-secret.js';
import type { Vault } from '../vault.js';
import { writeFileAtomic } from './atomic-write.js';
import { editPlaintext } from './edit-session.js';
import { readSourceFile } from './read-source.js';

export interface EditorSettings {
  /** $EDITOR, default `vi`. */
  editor: string;
  tempRoot?: string;
  events?: EventSink;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

/**
 * Decrypts into the editor and, only if the content changed, re-encrypts with
 * the secret that opened it and the same vault id, so the header is unchanged.
 */
export async function editVaultFile(vault: Vault, path: string, settings: EditorSettings): Promise<boolean> {
  const real = await realpath(path).catch(() => path);
  const data = await readSourceFile(real);
  const opened = await vault.decryptWithSecret(data, { file: path });
  const edited = await editPlaintext(opened.plaintext, { editor: settings.editor, extension: extname(real), tempRoot: settings.tempRoot });
  if (edited.equals(opened.plaintext)) return false;
  const ciphertext = await vault.encrypt(edited, opened.secret, { vaultId: opened.vaultId });
  await writeFileAtomic(real, Buffer.from(ciphertext, 'utf8'));
  return true;
}

/** Opens the editor on an empty file and encrypts whatever is saved (even nothing), as ansible-vault create. */
export async function createVaultFile(vault: Vault, path: string, secret: VaultSecret, settings: EditorSettings): Promise<void> {
  const dir = dirname(path);
  if (!(await exists(dir))) {
    if (settings.events !== undefined) new Emitter(settings.events).warn('vault.create_dir', `${dir} does not exist, creating...`);
    await mkdir(dir, { recursive: true, mode: 0o700 });
  }
  if (await exists(path)) throw vaultFileError(`${path} exists, please use 'edit' instead`);
  const plaintext = await editPlaintext(Buffer.alloc(0), { editor: settings.editor, extension: extname(path), tempRoot: settings.tempRoot });
  const ciphertext = await vault.encrypt(plaintext, secret);
  await writeFileAtomic(path, Buffer.from(ciphertext, 'utf8'), { newFileMode: 0o600 });
}

/**
 * Decrypts each file with any known secret and writes it back under the new
 * one. All files are opened first, so a file that cannot be opened changes nothing.
 */
export async function rekeyVaultFiles(vault: Vault, paths: readonly string[], newSecret: VaultSecret): Promise<void> {
  const rekeyed: Array<[string, string]> = [];
  for (const path of paths) {
    const opened = await vault.decryptWithSecret(await readSourceFile(path), { file: path });
    rekeyed.push([path, await vault.encrypt(opened.plaintext, newSecret)]);
  }
  for (const [path, ciphertext] of rekeyed) await writeFileAtomic(path, Buffer.from(ciphertext, 'utf8'));
}
