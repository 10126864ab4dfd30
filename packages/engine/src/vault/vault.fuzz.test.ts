import fc from 'fast-check';
import { Vault } from './vault.js';
import { VaultSecret } from './secrets/vault-secret.js';
import { VaultSecrets } from './secrets/vault-secrets.js';
import { isTsibleError } from '../errors/tsible-error.js';
import { VaultErrorCode } from './errors.js';

/**
 * Damaged vault data must be rejected with a clear TsibleError and must never
 * yield anything but the original plaintext. One fixed salt keeps PBKDF2 runs
 * (the slow part) cached across the many samples.
 */
const PLAINTEXT = 'TOP-SECRET-PLAINTEXT: the launch code is 0000\n';
const SALT = Buffer.alloc(32, 0x5a);
const secret = new VaultSecret('dev', Buffer.from('fuzz password'));
const vault = new Vault(new VaultSecrets([secret]));
let envelope = '';

beforeAll(async () => {
  envelope = await vault.encrypt(PLAINTEXT, secret, { salt: SALT });
});

type Outcome = { ok: true; text: string } | { ok: false; code: string; message: string };

async function attempt(text: string): Promise<Outcome> {
  try {
    return { ok: true, text: (await vault.decrypt(text, { file: 'fuzz.yml' })).toString('latin1') };
  } catch (err) {
    if (!isTsibleError(err)) throw err;
    return { ok: false, code: err.code, message: err.message };
  }
}

function expectCleanRejection(outcome: Outcome): void {
  expect(outcome.ok).toBe(false);
  if (outcome.ok) return;
  expect([VaultErrorCode.format, VaultErrorCode.decryptFailed]).toContain(outcome.code);
  expect(outcome.message).toContain('fuzz.yml');
  expect(outcome.message).not.toContain('TOP-SECRET');
}

const FAST = { numRuns: 150 };

describe('damaged vault data', () => {
  it('rejects every truncation (except dropping the final newline)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: envelope.length - 2 }), async (cut) => {
        expectCleanRejection(await attempt(envelope.slice(0, cut)));
      }),
      FAST,
    );
  });

  it('never returns altered plaintext when any byte is flipped', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: envelope.length - 1 }), fc.integer({ min: 1, max: 127 }), async (pos, mask) => {
        const flipped = String.fromCharCode(envelope.charCodeAt(pos) ^ mask);
        const outcome = await attempt(envelope.slice(0, pos) + flipped + envelope.slice(pos + 1));
        // Benign flips exist (hex digit case, \n to \r, 1.1 to 1.2): those must give back the exact original.
        if (outcome.ok) expect(outcome.text).toBe(PLAINTEXT);
        else expectCleanRejection(outcome);
      }),
      FAST,
    );
  });

  it('rejects a wrong HMAC', async () => {
    const { parseEnvelope, formatEnvelope } = await import('./format/envelope.js');
    const { parsePayload, formatPayload } = await import('./format/payload.js');
    const payload = parsePayload(parseEnvelope(envelope).body);
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 40 }), async (hmac) => {
        fc.pre(!Buffer.from(hmac).equals(payload.hmac));
        const forged = formatEnvelope(formatPayload({ ...payload, hmac: Buffer.from(hmac) }), 'dev');
        const outcome = await attempt(forged);
        expectCleanRejection(outcome);
        if (!outcome.ok) expect(outcome.code).toBe(VaultErrorCode.decryptFailed);
      }),
      FAST,
    );
  });

  it('rejects unknown format versions', async () => {
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[0-9.]{1,5}$/), async (version) => {
        fc.pre(version !== '1.1' && version !== '1.2');
        const outcome = await attempt(envelope.replace(';1.2;', `;${version};`));
        expectCleanRejection(outcome);
        if (!outcome.ok) expect(outcome.message).toContain(`unsupported vault format version "${version}"`);
      }),
      FAST,
    );
  });

  it('rejects non-hex characters anywhere in the body', async () => {
    const headerEnd = envelope.indexOf('\n') + 1;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: headerEnd, max: envelope.length - 1 }),
        fc.constantFrom(...'gxyzG!#;: -_'.split('')),
        async (pos, ch) => {
          const outcome = await attempt(envelope.slice(0, pos) + ch + envelope.slice(pos));
          expectCleanRejection(outcome);
          if (!outcome.ok) expect(outcome.code).toBe(VaultErrorCode.format);
        },
      ),
      FAST,
    );
  });

  it('rejects arbitrary bodies after a valid header without throwing anything but TsibleError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (body) => {
        expectCleanRejection(await attempt(`$ANSIBLE_VAULT;1.2;AES256;dev\n${body}`));
      }),
      FAST,
    );
  });

  it('rejects hex-valid bodies with a broken inner structure', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (inner) => {
        const body = Buffer.from(inner, 'latin1').toString('hex');
        expectCleanRejection(await attempt(`$ANSIBLE_VAULT;1.1;AES256\n${body}\n`));
      }),
      FAST,
    );
  });
});
