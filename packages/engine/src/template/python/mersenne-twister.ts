import { createHash } from 'node:crypto';

/**
 * Python's random.Random (MT19937) so `random(seed=...)` and `shuffle(seed=...)`
 * give the same results as Ansible for the same seed.
 */
export class PythonRandom {
  private readonly mt = new Uint32Array(624);
  private index = 625;

  constructor(seed: string | number) {
    this.initByArray(seedKey(seed));
  }

  private initGenrand(s: number): void {
    this.mt[0] = s >>> 0;
    for (let i = 1; i < 624; i++) {
      const prev = (this.mt[i - 1] ?? 0) ^ ((this.mt[i - 1] ?? 0) >>> 30);
      this.mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.index = 624;
  }

  private initByArray(key: number[]): void {
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    const len = Math.max(key.length, 1);
    for (let k = Math.max(624, len); k > 0; k--) {
      const prev = (this.mt[i - 1] ?? 0) ^ ((this.mt[i - 1] ?? 0) >>> 30);
      this.mt[i] = (((this.mt[i] ?? 0) ^ Math.imul(prev, 1664525)) + (key[j] ?? 0) + j) >>> 0;
      i++;
      j++;
      if (i >= 624) {
        this.mt[0] = this.mt[623] ?? 0;
        i = 1;
      }
      if (j >= len) j = 0;
    }
    for (let k = 623; k > 0; k--) {
      const prev = (this.mt[i - 1] ?? 0) ^ ((this.mt[i - 1] ?? 0) >>> 30);
      this.mt[i] = (((this.mt[i] ?? 0) ^ Math.imul(prev, 1566083941)) - i) >>> 0;
      i++;
      if (i >= 624) {
        this.mt[0] = this.mt[623] ?? 0;
        i = 1;
      }
    }
    this.mt[0] = 0x80000000;
  }

  private genrand(): number {
    if (this.index >= 624) {
      for (let k = 0; k < 624; k++) {
        const y = ((this.mt[k] ?? 0) & 0x80000000) | ((this.mt[(k + 1) % 624] ?? 0) & 0x7fffffff);
        this.mt[k] = ((this.mt[(k + 397) % 624] ?? 0) ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0)) >>> 0;
      }
      this.index = 0;
    }
    let y = this.mt[this.index++] ?? 0;
    y ^= y >>> 11;
    y = (y ^ ((y << 7) & 0x9d2c5680)) >>> 0;
    y = (y ^ ((y << 15) & 0xefc60000)) >>> 0;
    return (y ^ (y >>> 18)) >>> 0;
  }

  /** random.getrandbits(k) for k <= 32. */
  private getrandbits(k: number): number {
    return this.genrand() >>> (32 - k);
  }

  /** random._randbelow(n): rejection sampling over bit_length(n) bits. */
  randbelow(n: number): number {
    if (n <= 0) return 0;
    const k = Math.floor(Math.log2(n)) + 1;
    let r = this.getrandbits(k);
    while (r >= n) r = this.getrandbits(k);
    return r;
  }

  shuffle<T>(items: T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.randbelow(i + 1);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
}

/** Python 3 seeds from a str with version 2: the bytes plus their SHA-512, as one big integer. */
function seedKey(seed: string | number): number[] {
  let big: bigint;
  if (typeof seed === 'number') big = BigInt(Math.abs(Math.trunc(seed)));
  else {
    const bytes = Buffer.from(seed, 'utf8');
    const all = Buffer.concat([bytes, createHash('sha512').update(bytes).digest()]);
    big = BigInt('0x' + (all.toString('hex') || '0'));
  }
  const key: number[] = [];
  while (big > 0n) {
    key.push(Number(big & 0xffffffffn));
    big >>= 32n;
  }
  return key.length ? key : [0];
}
