import { readFile } from 'node:fs/promises';
import { run } from './exec.js';
import type { LabHost } from './types.js';

/** Creates an unencrypted ed25519 key pair at `path` and returns `ssh-ed25519 AAAA...` (no comment). */
export async function generateKeyPair(path: string, comment: string): Promise<string> {
  await run(['ssh-keygen', '-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', path]);
  return publicKeyOf(path);
}

export async function publicKeyOf(privatePath: string): Promise<string> {
  const [type, body] = (await readFile(`${privatePath}.pub`, 'utf8')).trim().split(/\s+/);
  return `${type} ${body}`;
}

/** known_hosts lines: every host under its name and its address, so either works with checking on. */
export function knownHosts(hosts: readonly LabHost[]): string {
  return hosts.map((h) => `${h.name},${h.address} ${h.hostKey}\n`).join('');
}
