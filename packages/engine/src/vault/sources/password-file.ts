import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, extname, resolve } from 'node:path';
import { passwordSourceError } from '../errors.js';
import { stripLineEnds, stripWhitespace } from './strip.js';

/** `~` and relative paths resolve the way a shell user expects. */
export function resolvePasswordPath(path: string, cwd: string): string {
  const expanded = path === '~' || path.startsWith('~/') ? homedir() + path.slice(1) : path;
  return resolve(cwd, expanded);
}

/** A script named `something-client[.ext]` is asked for a specific vault id, as in Ansible. */
export function isClientScript(path: string): boolean {
  const name = basename(path);
  return name.slice(0, name.length - extname(name).length).endsWith('-client');
}

async function isExecutableFile(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

interface ScriptResult {
  code: number | null;
  stdout: Buffer;
}

/** Runs the script without a shell; stderr and stdin stay with the user so scripts may prompt. */
function runScript(path: string, args: string[]): Promise<ScriptResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(path, args, { stdio: ['inherit', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout: Buffer.concat(chunks) }));
  });
}

async function passwordFromScript(path: string, vaultId: string): Promise<Buffer> {
  const client = isClientScript(path);
  let result: ScriptResult;
  try {
    result = await runScript(path, client ? ['--vault-id', vaultId] : []);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw passwordSourceError(`Problem running vault password script ${path} (${reason}).`, 'If this is not a script, remove the executable bit from the file.');
  }
  if (client && result.code === 2) {
    throw passwordSourceError(`Vault password client script ${path} did not find a secret for vault-id=${vaultId}`);
  }
  if (result.code !== 0) {
    const forId = client ? ` when getting secret for vault-id=${vaultId}` : '';
    throw passwordSourceError(`Vault password script ${path} returned non-zero (${String(result.code)})${forId}`);
  }
  const password = stripLineEnds(result.stdout);
  if (password.length === 0) throw passwordSourceError(`Invalid vault password was provided from script (${path})`);
  return password;
}

/** Opens a password file that is itself vault data, with the secrets known so far. */
export type VaultedFileOpener = (data: Buffer, file: string) => Promise<Buffer>;

async function passwordFromPlainFile(path: string, openVaulted: VaultedFileOpener | undefined): Promise<Buffer> {
  let content: Buffer;
  try {
    content = await readFile(path);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw passwordSourceError(`Could not read vault password file ${path}: ${reason}`);
  }
  let data = stripWhitespace(content);
  if (openVaulted !== undefined) data = await openVaulted(data, path);
  const password = stripLineEnds(data);
  if (password.length === 0) throw passwordSourceError(`Invalid vault password was provided from file (${path})`);
  return password;
}

/**
 * A password file's content (trimmed, and decrypted when it is vault data), or,
 * when the file is executable, the trimmed stdout of running it; Ansible's
 * rules, including `-client` scripts.
 */
export async function readPasswordSource(path: string, vaultId: string, openVaulted?: VaultedFileOpener): Promise<Buffer> {
  try {
    await stat(path);
  } catch {
    throw passwordSourceError(`The vault password file ${path} was not found`);
  }
  return (await isExecutableFile(path)) ? passwordFromScript(path, vaultId) : passwordFromPlainFile(path, openVaulted);
}
