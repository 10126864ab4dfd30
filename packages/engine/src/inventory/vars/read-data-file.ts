import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parseJsonOrYaml } from '../../loader/yaml.js';
import type { EventSink } from '../../output/events.js';
import { runSecrets, type SecretRegistry } from '../../output/secrets/secret-registry.js';
import { isVaultEnvelope, type Vault } from '../../vault/index.js';

function parse(text: string, path: string, sink: EventSink | undefined): unknown {
  return parseJsonOrYaml(text, path, sink ? { sink } : {});
}

/**
 * Reads a group_vars/host_vars file as Ansible's loader does (JSON first,
 * then YAML 1.1), decrypting a whole-file vault with `vault`'s secrets. The
 * values of a vaulted file are secrets: output masks them.
 */
export async function readDataFile(
  path: string,
  vault: Vault,
  sink?: EventSink,
  secrets: SecretRegistry = runSecrets,
): Promise<{ vaulted: true } | { vaulted: false; data: unknown }> {
  const bytes = await readFile(path);
  if (!isVaultEnvelope(bytes)) return { vaulted: false, data: parse(bytes.toString('utf8'), path, sink) };
  // Without secrets a vaulted file is left for the moment its variables are needed.
  if (vault.secrets.size === 0) return { vaulted: true };
  const data = parse((await vault.decrypt(bytes, { file: path })).toString('utf8'), path, sink);
  secrets.addLeaves(data);
  return { vaulted: false, data };
}

/** The same without waiting: a vaulted file is reported, not decrypted (decryption is asynchronous). */
export function readDataFileSync(path: string, sink?: EventSink): { vaulted: true } | { vaulted: false; data: unknown } {
  const bytes = readFileSync(path);
  if (isVaultEnvelope(bytes)) return { vaulted: true };
  return { vaulted: false, data: parse(bytes.toString('utf8'), path, sink) };
}
