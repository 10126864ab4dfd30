import { pbkdf2 } from 'node:crypto';
import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';

/** The three values Ansible's AES256 vault derives from (password, salt). */
export interface DerivedKeys {
  /** AES-256-CTR key. */
  cipherKey: Buffer;
  /** HMAC-SHA256 key. */
  hmacKey: Buffer;
  /** Initial counter block. */
  iv: Buffer;
}

const ITERATIONS = 10000;
const KEY_LENGTH = 32;
const IV_LENGTH = 16;

/**
 * At most this many derivations share libuv's thread pool at once: enough to
 * use the cores, while leaving a thread free for file and DNS work.
 */
const threadPoolSize = Number(process.env['UV_THREADPOOL_SIZE']) || 4;
const limit = pLimit(Math.max(1, Math.min(availableParallelism(), threadPoolSize - 1)));

/**
 * PBKDF2-HMAC-SHA256, 10000 rounds, 80 bytes. Asynchronous on purpose: it runs
 * on libuv's thread pool so SSH traffic keeps flowing while many values decrypt.
 */
export function deriveKeys(password: Uint8Array, salt: Uint8Array): Promise<DerivedKeys> {
  return limit(() => derive(password, salt));
}

function derive(password: Uint8Array, salt: Uint8Array): Promise<DerivedKeys> {
  return new Promise((resolve, reject) => {
    pbkdf2(password, salt, ITERATIONS, 2 * KEY_LENGTH + IV_LENGTH, 'sha256', (err, derived) => {
      if (err) return reject(err);
      resolve({
        cipherKey: derived.subarray(0, KEY_LENGTH),
        hmacKey: derived.subarray(KEY_LENGTH, 2 * KEY_LENGTH),
        iv: derived.subarray(2 * KEY_LENGTH),
      });
    });
  });
}
