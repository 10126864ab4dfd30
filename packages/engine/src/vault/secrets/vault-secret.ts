import { deriveKeys, type DerivedKeys } from '../crypto/derive-keys.js';

/**
 * One password with its vault-id label. Derived keys are cached per salt so
 * each (password, salt) pair costs one PBKDF2 run however often it is used.
 */
export class VaultSecret {
  readonly id: string;
  /** Where the password came from (file path, "prompt"), for messages; never the password. */
  readonly source: string;
  readonly #bytes: Buffer;
  readonly #keys = new Map<string, Promise<DerivedKeys>>();

  constructor(id: string, bytes: Uint8Array, source = 'unknown') {
    this.id = id;
    this.source = source;
    this.#bytes = Buffer.from(bytes);
  }

  keysFor(salt: Uint8Array): Promise<DerivedKeys> {
    const cacheKey = Buffer.from(salt).toString('hex');
    let keys = this.#keys.get(cacheKey);
    if (keys === undefined) {
      keys = deriveKeys(this.#bytes, salt);
      // A failed derivation must not poison the cache.
      keys.catch(() => this.#keys.delete(cacheKey));
      this.#keys.set(cacheKey, keys);
    }
    return keys;
  }

  /** Keeps the password out of logs, JSON dumps and inspection output. */
  toString(): string {
    return `VaultSecret(${this.id} from ${this.source})`;
  }
  toJSON(): { id: string; source: string } {
    return { id: this.id, source: this.source };
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}
