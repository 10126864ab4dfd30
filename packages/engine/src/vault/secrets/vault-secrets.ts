import { vaultOptionsError } from '../errors.js';
import type { VaultSecret } from './vault-secret.js';

export interface VaultSecretsOptions {
  /** Ansible's vault_id_match: only try secrets whose id matches the data's id. */
  idMatchOnly?: boolean;
}

/** The ordered set of known secrets; earlier ones are preferred, as in Ansible. */
export class VaultSecrets {
  readonly #list: readonly VaultSecret[];
  readonly #idMatchOnly: boolean;

  constructor(secrets: readonly VaultSecret[] = [], options: VaultSecretsOptions = {}) {
    this.#list = [...secrets];
    this.#idMatchOnly = options.idMatchOnly ?? false;
  }

  get size(): number {
    return this.#list.length;
  }

  ids(): string[] {
    return this.#list.map((s) => s.id);
  }

  all(): readonly VaultSecret[] {
    return this.#list;
  }

  /** Secrets labelled with the data's id first, then every other one (unless id matching is strict). */
  candidatesFor(vaultId: string): VaultSecret[] {
    const matching = this.#list.filter((s) => s.id === vaultId);
    if (this.#idMatchOnly) return matching;
    return [...matching, ...this.#list.filter((s) => s.id !== vaultId)];
  }

  /**
   * The secret to encrypt with: the one named by --encrypt-vault-id, else the
   * only one. Several without a choice is an error, as with ansible-vault.
   */
  forEncryption(encryptVaultId?: string): VaultSecret {
    if (encryptVaultId !== undefined && encryptVaultId !== '') {
      const match = this.#list.find((s) => s.id === encryptVaultId);
      if (match === undefined) {
        throw vaultOptionsError(`Did not find a match for --encrypt-vault-id=${encryptVaultId} in the known vault-ids [${this.ids().map((id) => `'${id}'`).join(', ')}]`);
      }
      return match;
    }
    const [first] = this.#list;
    if (first === undefined) throw vaultOptionsError("A vault password is required to use Ansible's Vault");
    if (this.#list.length > 1) {
      throw vaultOptionsError(`The vault-ids ${this.ids().join(',')} are available to encrypt. Specify the vault-id to encrypt with --encrypt-vault-id`);
    }
    return first;
  }
}
