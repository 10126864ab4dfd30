import { readFile } from 'node:fs/promises';
import { VaultText } from '../loader/tagged-values.js';
import { isVaultEnvelope } from '../vault/format/envelope.js';
import type { Vault } from '../vault/vault.js';
import { load as loadYaml } from 'js-yaml';
import { runSecrets, type SecretRegistry } from '../output/secrets/secret-registry.js';

/**
 * Vaulted values (`!vault` scalars) for a playbook run. Decryption is
 * asynchronous and templating is not, so the run decrypts every value it
 * can reach before anything runs (a wrong password stops it there) and
 * hands plaintext to templates through `reveal`.
 */
export class VaultValues {
  private readonly plain = new Map<string, string>();
  private readonly failures = new Map<string, string>();

  /** Every plaintext opened here is also given to `secrets`, so output masks it. */
  constructor(
    private readonly vault: Vault | undefined,
    private readonly secrets: SecretRegistry = runSecrets,
  ) {}

  /** A file's text; a file vaulted as a whole is decrypted. */
  async readFile(file: string): Promise<string> {
    return (await this.openBytes(await readFile(file), file)).toString('utf8');
  }

  /** A controller file's bytes (copy's src): vault data is decrypted and its values become secrets; other bytes come back as they are. */
  async openBytes(bytes: Buffer, file: string): Promise<Buffer> {
    if (this.vault === undefined || !isVaultEnvelope(bytes)) return bytes;
    const plain = await this.vault.decrypt(bytes, { file });
    this.secrets.addLeaves(parsedOrText(plain.toString('utf8')));
    return plain;
  }

  /**
   * Decrypts what it can under `root` and remembers why the rest failed:
   * those values fail with that reason where they are used (include_vars:
   * Ansible opens its inline values only on use).
   */
  async decryptWhenUsed(root: unknown): Promise<void> {
    await Promise.all(
      this.unopened(root).map((text) =>
        this.open(text).catch((err: unknown) => {
          this.failures.set(text.ciphertext, err instanceof Error ? err.message : String(err));
        }),
      ),
    );
  }

  /** Decrypts every vaulted value found anywhere under `roots`. */
  async decryptAll(...roots: unknown[]): Promise<void> {
    await Promise.all(this.unopened(roots).map((text) => this.open(text)));
  }

  /** The distinct vaulted values under `root` not decrypted yet (none without a vault). */
  private unopened(root: unknown): VaultText[] {
    if (this.vault === undefined) return [];
    const found = new Map<string, VaultText>();
    const seen = new Set<object>();
    const walk = (value: unknown): void => {
      if (value instanceof VaultText) {
        if (!this.plain.has(value.ciphertext)) found.set(value.ciphertext, value);
        return;
      }
      if (value === null || typeof value !== 'object' || seen.has(value)) return;
      seen.add(value);
      for (const inner of Array.isArray(value) ? value : Object.values(value)) walk(inner);
    };
    walk(root);
    return [...found.values()];
  }

  private async open(text: VaultText): Promise<void> {
    const plain = await this.vault!.decryptText(text);
    this.secrets.add(plain);
    this.plain.set(text.ciphertext, plain);
  }

  private withFailure(text: VaultText): VaultText {
    const failure = this.failures.get(text.ciphertext);
    return failure === undefined || text.failure !== undefined ? text : new VaultText(text.ciphertext, text.location, failure);
  }

  /** A copy of `value` with decrypted plaintext in place of vaulted values (undecryptable ones stay, and fail when used). */
  reveal<T>(value: T): T {
    if (this.plain.size === 0 && this.failures.size === 0) return value;
    const walk = (v: unknown): unknown => {
      if (v instanceof VaultText) return this.plain.get(v.ciphertext) ?? this.withFailure(v);
      if (Array.isArray(v)) return v.some(needsReveal) ? v.map(walk) : v;
      if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
        if (!Object.values(v).some(needsReveal)) return v;
        return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, walk(inner)]));
      }
      return v;
    };
    return walk(value) as T;
  }
}

function needsReveal(value: unknown): boolean {
  if (value instanceof VaultText) return true;
  if (Array.isArray(value)) return value.some(needsReveal);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value).some(needsReveal);
  return false;
}

/** A vaulted file's values (YAML/JSON), or its whole text when it is neither. */
function parsedOrText(text: string): unknown {
  try {
    return loadYaml(text);
  } catch {
    return text;
  }
}
