import { createCipheriv } from 'node:crypto';
import { decryptAes256, encryptAes256, hmacOf } from './aes256.js';
import { deriveKeys } from './derive-keys.js';

describe('AES256 vault cipher', () => {
  it('pads with PKCS7 to whole blocks, a full block when already aligned', async () => {
    const keys = await deriveKeys(Buffer.from('pw'), Buffer.alloc(32, 1));
    expect(encryptAes256(Buffer.alloc(0), keys).ciphertext).toHaveLength(16);
    expect(encryptAes256(Buffer.alloc(15), keys).ciphertext).toHaveLength(16);
    expect(encryptAes256(Buffer.alloc(16), keys).ciphertext).toHaveLength(32);
  });

  it('refuses authenticated data whose padding is not PKCS7, giving no plaintext', async () => {
    const keys = await deriveKeys(Buffer.from('pw'), Buffer.alloc(32, 2));
    const c = createCipheriv('aes-256-ctr', keys.cipherKey, keys.iv);
    const ciphertext = Buffer.concat([c.update(Buffer.from('sixteen bytes!!X')), c.final()]);
    expect(decryptAes256(ciphertext, hmacOf(keys, ciphertext), keys)).toEqual({ ok: false, reason: 'padding' });
  });

  it('checks the HMAC before decrypting', async () => {
    const keys = await deriveKeys(Buffer.from('pw'), Buffer.alloc(32, 3));
    const { ciphertext, hmac } = encryptAes256(Buffer.from('data'), keys);
    expect(decryptAes256(ciphertext, hmac, keys)).toEqual({ ok: true, plaintext: Buffer.from('data') });
    expect(decryptAes256(ciphertext, hmac.subarray(1), keys)).toEqual({ ok: false, reason: 'hmac' });
    hmac[0] = (hmac[0] as number) ^ 1;
    expect(decryptAes256(ciphertext, hmac, keys)).toEqual({ ok: false, reason: 'hmac' });
  });
});
