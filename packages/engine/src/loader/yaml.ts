import { readFile } from 'node:fs/promises';
import { ExitCode, TsibleError } from '../errors/tsible-error.js';
import type { EventSink } from '../output/events.js';
import { SourceText } from './locations.js';
import { fastParseYaml } from './fast-yaml.js';
import { normalizeLineBreaks, parseYamlFully } from './full-yaml.js';
import type { DuplicateKeyPolicy } from './yaml-construct.js';
import { parseJson } from './json.js';

export { locationOf } from './locations.js';
export { UnsafeText, VaultText } from './tagged-values.js';
import { VaultText } from './tagged-values.js';
export type { DuplicateKeyPolicy } from './yaml-construct.js';
export { parseYamlFully } from './full-yaml.js';

export interface YamlLoadOptions {
  /** Receives warnings such as duplicate keys. */
  sink?: EventSink;
  /** Ansible's DUPLICATE_YAML_DICT_KEY setting; 'warn' by default. */
  duplicateKeys?: DuplicateKeyPolicy;
  /**
   * Decrypts a whole vault-encrypted file (text starting with $ANSIBLE_VAULT;)
   * to the YAML/JSON it holds. Without it such a file is an error.
   */
  decryptVault?: (vault: VaultText) => string;
}

const VAULT_HEADER = '$ANSIBLE_VAULT;';

/**
 * Parses one YAML document exactly as Ansible (PyYAML/libyaml, YAML 1.1)
 * would. Mappings become plain objects, sequences arrays; locationOf() gives
 * where each was written. Errors are TsibleErrors (exit code 4) that name
 * file:line:col. Plain documents take the fast path; everything else, and
 * every error, goes through the full loader.
 */
export function parseYaml(text: string, file: string, options: YamlLoadOptions = {}): unknown {
  const normalized = normalizeLineBreaks(text);
  const fast = fastParseYaml(normalized, () => parseYamlFully(normalized, file, {}));
  if (fast.ok) return fast.value;
  return parseYamlFully(normalized, file, options);
}

/**
 * Reads and parses a data file the way Ansible's DataLoader does: JSON first,
 * then YAML (so `{"a": 1e3}` is JSON's 1000). A missing or unreadable file is
 * a TsibleError.
 */
export async function loadYamlFile(path: string, options: YamlLoadOptions = {}): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const reason = err instanceof Error && 'code' in err ? String((err as NodeJS.ErrnoException).code) : String(err);
    throw new TsibleError(`Unable to read YAML file ${path}: ${reason}`, {
      code: 'TSIBLE_FILE_READ',
      exitCode: ExitCode.error,
      cause: err,
    });
  }
  return parseJsonOrYaml(text, path, options);
}

/**
 * JSON first, then YAML, as Ansible loads vars files, inventories and
 * dynamic inventory output. Both paths record locations.
 */
export function parseJsonOrYaml(text: string, file: string, options: YamlLoadOptions = {}): unknown {
  const plain = text.startsWith(VAULT_HEADER) ? decryptWholeFile(text, file, options) : text;
  const json = parseJson(new SourceText(file, plain), plain);
  if (json.ok) return json.value;
  return parseYaml(plain, file, options);
}

/** A file encrypted as a whole with ansible-vault: decrypt, or say what is missing. */
function decryptWholeFile(text: string, file: string, options: YamlLoadOptions): string {
  const vault = new VaultText(text, { file, line: 1, column: 1 });
  if (options.decryptVault === undefined) {
    throw new TsibleError('Attempting to decrypt but no vault secrets found', {
      code: 'TSIBLE_VAULT_NO_SECRET',
      location: vault.location,
      hint: 'This file is encrypted with ansible-vault; give a password with --ask-vault-pass or --vault-password-file.',
      exitCode: ExitCode.error,
    });
  }
  return options.decryptVault(vault);
}
