import { createHash } from 'node:crypto';

const ITOA64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const DEFAULT_ROUNDS = { sha256: 535000, sha512: 656000 } as const;

function b64From24(b2: number, b1: number, b0: number, n: number): string {
  let w = (b2 << 16) | (b1 << 8) | b0;
  let out = '';
  for (let i = 0; i < n; i++) {
    out += ITOA64[w & 0x3f];
    w >>= 6;
  }
  return out;
}

const ORDER = {
  sha512: [
    [0, 21, 42], [22, 43, 1], [44, 2, 23], [3, 24, 45], [25, 46, 4], [47, 5, 26], [6, 27, 48], [28, 49, 7], [50, 8, 29], [9, 30, 51], [31, 52, 10],
    [53, 11, 32], [12, 33, 54], [34, 55, 13], [56, 14, 35], [15, 36, 57], [37, 58, 16], [59, 17, 38], [18, 39, 60], [40, 61, 19], [62, 20, 41],
  ],
  sha256: [[0, 10, 20], [21, 1, 11], [12, 22, 2], [3, 13, 23], [24, 4, 14], [15, 25, 5], [6, 16, 26], [27, 7, 17], [18, 28, 8], [9, 19, 29]],
} as const;

/** SHA-crypt ($5$/$6$) as specified by Ulrich Drepper; rounds=5000 is left implicit, as passlib does. */
export function shaCrypt(algorithm: 'sha256' | 'sha512', password: string, salt: string, rounds: number): string {
  const hashLen = algorithm === 'sha512' ? 64 : 32;
  const H = (...parts: Buffer[]): Buffer => {
    const h = createHash(algorithm);
    for (const p of parts) h.update(p);
    return h.digest();
  };
  const pw = Buffer.from(password, 'utf8');
  const s = Buffer.from(salt.slice(0, 16), 'utf8');
  const r = Math.min(Math.max(rounds, 1000), 999999999);
  const B = H(pw, s, pw);
  const aParts: Buffer[] = [pw, s];
  for (let n = pw.length; n > 0; n -= hashLen) aParts.push(B.subarray(0, Math.min(n, hashLen)));
  for (let n = pw.length; n > 0; n >>= 1) aParts.push(n & 1 ? B : pw);
  let A = H(...aParts);
  const dpParts: Buffer[] = [];
  for (let i = 0; i < pw.length; i++) dpParts.push(pw);
  const DP = H(...dpParts);
  const P = Buffer.alloc(pw.length);
  for (let i = 0; i < pw.length; i += hashLen) DP.copy(P, i, 0, Math.min(hashLen, pw.length - i));
  const dsParts: Buffer[] = [];
  for (let i = 0; i < 16 + (A[0] ?? 0); i++) dsParts.push(s);
  const DS = H(...dsParts);
  const S = Buffer.alloc(s.length);
  for (let i = 0; i < s.length; i += hashLen) DS.copy(S, i, 0, Math.min(hashLen, s.length - i));
  for (let i = 0; i < r; i++) {
    const parts: Buffer[] = [];
    parts.push(i & 1 ? P : A);
    if (i % 3 !== 0) parts.push(S);
    if (i % 7 !== 0) parts.push(P);
    parts.push(i & 1 ? A : P);
    A = H(...parts);
  }
  let encoded = '';
  for (const [a, b, c] of ORDER[algorithm]) encoded += b64From24(A[a] ?? 0, A[b] ?? 0, A[c] ?? 0, 4);
  encoded += algorithm === 'sha512' ? b64From24(0, 0, A[63] ?? 0, 2) : b64From24(0, A[31] ?? 0, A[30] ?? 0, 3);
  const prefix = algorithm === 'sha512' ? '$6$' : '$5$';
  const roundsPart = rounds === 5000 ? '' : `rounds=${r}$`;
  return `${prefix}${roundsPart}${salt.slice(0, 16)}$${encoded}`;
}
