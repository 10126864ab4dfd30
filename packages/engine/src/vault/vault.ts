import { randomBytes } from 'node:crypto';
import type { SourceLocation } from '../errors/source-location.js';
import { decryptAes256, encryptAes256 } from './crypto/aes256.js';
import { alreadyEncryptedError, decryptFailedError, noSecretsError, vaultFormatError, type VaultOrigin } from './errors.js';
import { formatEnvelope, isVaultEnvelope, parseEnvelope } from './format/envelope.js';
import { formatPayload, parsePayload } from './format/payload.js';
import type { VaultSecret } from './secrets/vault-secret.js';
import { VaultSecrets } from './secrets/vault-secrets.js';

const SALT_LENGTH = 32;

/** What the YAML loader hands over for a `!vault` value: the envelope text and where it sits. */
export interface VaultTextLike {
  readonly ciphertext: string;
  readonly location?: SourceLocation | undefined;
}

export interface Decrypted {
  plaintext: Buffer;
  /** The secret that authenticated the data (edit re-encrypts with it). */
  secret: VaultSecret;
  /** The id in the data's header, `default` for format 1.1. */
  vaultId: string;
}

export interface EncryptOptions {
  /** Fixed salt, for reproducible fixtures only; normally (and when empty) 32 random bytes. */
  salt?: Uint8Array;
  /** Label to write in a 1.2 header; defaults to the secret's id. */
  vaultId?: string;
}

/**
 * Reads and writes Ansible Vault data (formats 1.1 and 1.2, AES256). Nothing
 * is decrypted until asked, and a failure never hands out partial plaintext.
 */
export class Vault {
  constructor(readonly secrets: VaultSecrets = new VaultSecrets()) {}

  async decryptWithSecret(data: string | Uint8Array, origin: VaultOrigin = {}): Promise<Decrypted> {
    const text = typeof data === 'string' ? data : Buffer.from(data).toString('latin1');
    const envelope = parseEnvelope(text, origin);
    if (this.secrets.size === 0) throw noSecretsError(origin);
    const payload = parsePayload(envelope.body, origin);
    for (const secret of this.secrets.candidatesFor(envelope.vaultId)) {
      const keys = await secret.keysFor(payload.salt);
      const outcome = decryptAes256(payload.ciphertext, payload.hmac, keys);
      if (outcome.ok) return { plaintext: outcome.plaintext, secret, vaultId: envelope.vaultId };
      if (outcome.reason === 'padding') throw vaultFormatError('authenticated data has invalid PKCS7 padding', origin);
    }
    throw decryptFailedError(origin);
  }

  async decrypt(data: string | Uint8Array, origin: VaultOrigin = {}): Promise<Buffer> {
    return (await this.decryptWithSecret(data, origin)).plaintext;
  }

  /** Whole-file vaulting: decrypts vault data, hands anything else back unchanged (for loaders). */
  async decryptIfVaulted(data: Buffer, file: string): Promise<Buffer> {
    return isVaultEnvelope(data) ? this.decrypt(data, { file }) : data;
  }

  /** Decrypts a `!vault` value from YAML; `file` names the YAML file for messages. */
  async decryptText(value: VaultTextLike, file?: string): Promise<string> {
    const origin: VaultOrigin = { file: file ?? value.location?.file, location: value.location };
    const plaintext = await this.decrypt(value.ciphertext, origin);
    return decodeUtf8(plaintext, origin);
  }

  /**
   * Proves every value opens with the known secrets, so a wrong or missing
   * password stops a run before any host is contacted. Plaintext is dropped;
   * the derived keys stay cached, so the real use later costs no PBKDF2 again.
   * Throws the error of the first failing value in the given order.
   */
  async checkAll(values: Iterable<VaultTextLike>): Promise<void> {
    const outcomes = await Promise.allSettled([...values].map((value) => this.decryptText(value)));
    const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed !== undefined) throw failed.reason;
  }

  async encrypt(plaintext: string | Uint8Array, secret: VaultSecret, options: EncryptOptions = {}): Promise<string> {
    const bytes = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : Buffer.from(plaintext);
    if (isVaultEnvelope(bytes)) throw alreadyEncryptedError();
    const salt = options.salt === undefined || options.salt.length === 0 ? randomBytes(SALT_LENGTH) : Buffer.from(options.salt);
    const keys = await secret.keysFor(salt);
    const { ciphertext, hmac } = encryptAes256(bytes, keys);
    return formatEnvelope(formatPayload({ salt, hmac, ciphertext }), options.vaultId ?? secret.id);
  }
}

function decodeUtf8(bytes: Buffer, origin: VaultOrigin): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw vaultFormatError('decrypted value is not valid UTF-8 text', origin);
  }
}
