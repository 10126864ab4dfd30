import { vaultFormatError, type VaultOrigin } from '../errors.js';
import { hexlify, unhexlify } from './hex.js';

/** The three parts an AES256 vault body carries. */
export interface VaultPayload {
  salt: Buffer;
  hmac: Buffer;
  ciphertext: Buffer;
}

function decodeHex(text: string, part: string, origin: VaultOrigin): Buffer {
  const bytes = unhexlify(text);
  if (typeof bytes === 'string') throw vaultFormatError(`${part}: ${bytes}`, origin);
  return bytes;
}

/**
 * The body is hex of "hex(salt)\nhex(hmac)\nhex(ciphertext)": hexlified twice,
 * a quirk Ansible keeps for compatibility.
 */
export function parsePayload(body: string, origin: VaultOrigin = {}): VaultPayload {
  const inner = decodeHex(body, 'vault body', origin).toString('latin1');
  const first = inner.indexOf('\n');
  const second = first < 0 ? -1 : inner.indexOf('\n', first + 1);
  if (second < 0) throw vaultFormatError('vault body must hold salt, HMAC and ciphertext separated by newlines', origin);
  const salt = decodeHex(inner.slice(0, first), 'salt', origin);
  const hmac = decodeHex(inner.slice(first + 1, second), 'HMAC', origin);
  const ciphertext = decodeHex(inner.slice(second + 1), 'ciphertext', origin);
  if (salt.length === 0) throw vaultFormatError('empty salt', origin);
  return { salt, hmac, ciphertext };
}

export function formatPayload(payload: VaultPayload): string {
  const inner = [hexlify(payload.salt), hexlify(payload.hmac), hexlify(payload.ciphertext)].join('\n');
  return Buffer.from(inner, 'latin1').toString('hex');
}
