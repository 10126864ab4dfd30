import { createCipheriv, createDecipheriv, createHmac, timingSafeEqual } from 'node:crypto';
import type { DerivedKeys } from './derive-keys.js';

const BLOCK = 16;

/**
 * Ansible pads with PKCS7 to the AES block size even though CTR mode does not
 * need it; the padding is part of the format, so both sides must apply it.
 */
function pad(plaintext: Uint8Array): Buffer {
  const n = BLOCK - (plaintext.length % BLOCK);
  return Buffer.concat([plaintext, Buffer.alloc(n, n)]);
}

/** Returns the unpadded data, or undefined when the padding is not valid PKCS7. */
function unpad(padded: Buffer): Buffer | undefined {
  if (padded.length === 0 || padded.length % BLOCK !== 0) return undefined;
  const n = padded[padded.length - 1] as number;
  if (n < 1 || n > BLOCK) return undefined;
  for (let i = padded.length - n; i < padded.length; i++) if (padded[i] !== n) return undefined;
  return padded.subarray(0, padded.length - n);
}

function ctr(key: Buffer, iv: Buffer, data: Buffer, decrypt: boolean): Buffer {
  const c = decrypt ? createDecipheriv('aes-256-ctr', key, iv) : createCipheriv('aes-256-ctr', key, iv);
  return Buffer.concat([c.update(data), c.final()]);
}

export function hmacOf(keys: DerivedKeys, ciphertext: Uint8Array): Buffer {
  return createHmac('sha256', keys.hmacKey).update(ciphertext).digest();
}

export function encryptAes256(plaintext: Uint8Array, keys: DerivedKeys): { ciphertext: Buffer; hmac: Buffer } {
  const ciphertext = ctr(keys.cipherKey, keys.iv, pad(plaintext), false);
  return { ciphertext, hmac: hmacOf(keys, ciphertext) };
}

export type DecryptOutcome =
  | { ok: true; plaintext: Buffer }
  | { ok: false; reason: 'hmac' | 'padding' };

/**
 * Authenticates before decrypting (constant-time comparison), so data that a
 * wrong key or tampering produced never yields any plaintext.
 */
export function decryptAes256(ciphertext: Buffer, expectedHmac: Buffer, keys: DerivedKeys): DecryptOutcome {
  const actual = hmacOf(keys, ciphertext);
  if (expectedHmac.length !== actual.length || !timingSafeEqual(expectedHmac, actual)) return { ok: false, reason: 'hmac' };
  const plaintext = unpad(ctr(keys.cipherKey, keys.iv, ciphertext, true));
  return plaintext === undefined ? { ok: false, reason: 'padding' } : { ok: true, plaintext };
}
