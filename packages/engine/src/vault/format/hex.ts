const HEX = /^[0-9a-fA-F]*$/;

/**
 * Strict hex decoding, as Python's unhexlify: Node's Buffer.from(s, 'hex')
 * silently stops at the first bad digit, which would let damaged vault data
 * through as a shorter value.
 */
export function unhexlify(text: string): Buffer | string {
  if (text.length % 2 !== 0) return 'odd-length hex string';
  if (!HEX.test(text)) return 'non-hexadecimal digit found';
  return Buffer.from(text, 'hex');
}

export function hexlify(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}
