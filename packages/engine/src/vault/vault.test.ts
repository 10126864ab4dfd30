import { Vault } from './vault.js';
import { VaultSecret } from './secrets/vault-secret.js';
import { VaultSecrets } from './secrets/vault-secrets.js';
import { fixture, fixturePassword, inlineVaultValues } from '../../../../test/vault/fixtures.js';

const secret = (id: string, password: string | Buffer): VaultSecret => new VaultSecret(id, Buffer.from(password));
const vaultWith = (...secrets: VaultSecret[]): Vault => new Vault(new VaultSecrets(secrets));

describe('decrypting data written by ansible-vault', () => {
  const vault = vaultWith(
    secret('default', fixturePassword('default')),
    secret('dev', fixturePassword('dev')),
    secret('prod', fixturePassword('prod')),
  );

  it.each(['multiline.yml', 'empty.txt', 'block16.txt', 'no-newline.txt', 'binary.bin'])('decrypts the 1.1 file for %s', async (name) => {
    const plaintext = await vault.decrypt(fixture(`ansible/${name}.vault`), { file: name });
    expect(plaintext.equals(fixture(`plaintext/${name}`))).toBe(true);
  });

  it.each(['dev', 'prod'])('decrypts the 1.2 file labelled %s', async (id) => {
    const result = await vault.decryptWithSecret(fixture(`ansible/multiline.${id}.vault`));
    expect(result.vaultId).toBe(id);
    expect(result.secret.id).toBe(id);
    expect(result.plaintext.equals(fixture('plaintext/multiline.yml'))).toBe(true);
  });

  it('decrypts encrypt_string output, named, several and from stdin', async () => {
    const named = inlineVaultValues(fixture('ansible/encrypt_string_named.stdout').toString());
    expect(await vault.decryptText({ ciphertext: named.get('db_password') as string })).toBe('p@ss: word');
    const multi = inlineVaultValues(fixture('ansible/encrypt_string_multi.stdout').toString());
    const texts = await Promise.all([...multi.values()].map((c) => vault.decryptText({ ciphertext: c })));
    expect([...multi.keys()]).toEqual(['first', 'second', '#3']);
    expect(texts).toEqual(['one', 'two', 'three']);
    const piped = inlineVaultValues(fixture('ansible/encrypt_string_stdin.stdout').toString());
    expect(await vault.decryptText({ ciphertext: piped.get('piped') as string })).toBe('from stdin\n');
  });

  it('decrypts whole vaulted files and passes plain ones through', async () => {
    const vaulted = await vault.decryptIfVaulted(fixture('ansible/multiline.yml.vault'), 'group_vars/all.yml');
    expect(vaulted.equals(fixture('plaintext/multiline.yml'))).toBe(true);
    const plain = fixture('plaintext/multiline.yml');
    expect(await vault.decryptIfVaulted(plain, 'group_vars/all.yml')).toBe(plain);
  });

  it('gives the same values Ansible renders from a vars file', async () => {
    const values = inlineVaultValues(fixture('ansible/vars.yml').toString());
    const rendered = await Promise.all(['secret_1', 'secret_2', 'secret_3'].map((k) => vault.decryptText({ ciphertext: values.get(k) as string })));
    expect([...rendered, 'not secret'].join('|')).toBe(fixture('ansible/vars.yml.expected').toString());
  });
});

describe('data written by tsible, as ansible-vault decrypted it (recorded)', () => {
  it.each(['multiline.yml', 'empty.txt', 'block16.txt', 'binary.bin'])('%s', async (name) => {
    expect(fixture(`tsible-made/${name}.ansible-decrypted`).equals(fixture(`plaintext/${name}`))).toBe(true);
    const vault = vaultWith(secret('default', fixturePassword('default')));
    expect((await vault.decrypt(fixture(`tsible-made/${name}.vault`))).equals(fixture(`plaintext/${name}`))).toBe(true);
  });
  it('1.2 file and an encrypt_string value', async () => {
    expect(fixture('tsible-made/multiline.dev.ansible-decrypted').equals(fixture('plaintext/multiline.yml'))).toBe(true);
    expect(fixture('tsible-made/multiline.dev.vault').toString().startsWith('$ANSIBLE_VAULT;1.2;AES256;dev\n')).toBe(true);
    expect(fixture('tsible-made/vars.yml.ansible-decrypted').toString()).toBe('tok-123: "quoted"');
  });
});

interface FixedSaltCase {
  plaintext_b64: string;
  password: string;
  vault_id: string | null;
  salt_hex: string;
  envelope: string;
}

describe("Ansible's writer with fixed salts", () => {
  const cases = JSON.parse(fixture('fixed-salt/cases.json').toString()) as FixedSaltCase[];
  it.each(cases.map((c, i) => [i, c] as const))('case %i encrypts byte for byte the same and decrypts back', async (_i, c) => {
    const s = secret(c.vault_id ?? 'default', c.password);
    const vault = vaultWith(s);
    const plaintext = Buffer.from(c.plaintext_b64, 'base64');
    expect(await vault.encrypt(plaintext, s, { salt: Buffer.from(c.salt_hex, 'hex') })).toBe(c.envelope);
    expect((await vault.decrypt(c.envelope)).equals(plaintext)).toBe(true);
  });
});

describe('round trips', () => {
  it.each([
    ['default', '$ANSIBLE_VAULT;1.1;AES256'],
    ['dev', '$ANSIBLE_VAULT;1.2;AES256;dev'],
  ])('with id %s writes %s and reads it back', async (id, header) => {
    const s = secret(id, 'pw');
    const vault = vaultWith(s);
    const text = await vault.encrypt('a: 1\nb: ü\n', s);
    expect(text.split('\n')[0]).toBe(header);
    expect(text.split('\n').every((line) => line.length <= 80)).toBe(true);
    expect((await vault.decrypt(text)).toString()).toBe('a: 1\nb: ü\n');
  });

  it('uses a fresh salt every time', async () => {
    const s = secret('default', 'pw');
    const vault = vaultWith(s);
    expect(await vault.encrypt('same', s)).not.toBe(await vault.encrypt('same', s));
  });

  it('refuses to encrypt data that is already vault data', async () => {
    const s = secret('default', 'pw');
    await expect(vaultWith(s).encrypt(await vaultWith(s).encrypt('x', s), s)).rejects.toThrow('input is already encrypted');
  });
});

describe('choosing secrets', () => {
  it('tries the matching vault id first, then every other secret', async () => {
    const right = secret('other', 'real');
    const vault = vaultWith(secret('dev', 'wrong'), right);
    const text = await vault.encrypt('x', secret('dev', 'real'));
    const result = await vault.decryptWithSecret(text);
    expect(result.secret).toBe(right);
  });

  it('with vault_id_match only tries secrets of the same id', async () => {
    const strict = new Vault(new VaultSecrets([secret('dev', 'wrong'), secret('other', 'real')], { idMatchOnly: true }));
    const text = await strict.encrypt('x', secret('dev', 'real'));
    await expect(strict.decrypt(text, { file: 'f.yml' })).rejects.toThrow('Decryption failed (no vault secrets were found that could decrypt) on f.yml');
  });

  it('names the file and position when no password fits', async () => {
    const text = await vaultWith().encrypt('x', secret('default', 'a'));
    const error = await vaultWith(secret('default', 'b'))
      .decryptText({ ciphertext: text, location: { file: 'group_vars/all.yml', line: 3, column: 14 } })
      .catch((e: unknown) => e);
    expect(String((error as Error).message)).toBe('Decryption failed (no vault secrets were found that could decrypt) on group_vars/all.yml');
    expect((error as { describe(): string }).describe()).toMatch(/^group_vars\/all\.yml:3:14: Decryption failed/);
  });

  it('checks many values up front and reports the first that fails, with its position', async () => {
    const good = secret('default', 'right');
    const vault = vaultWith(good);
    const ok = await vault.encrypt('a', good);
    const bad = await vault.encrypt('b', secret('default', 'wrong'));
    const at = (line: number) => ({ file: 'host_vars/web.yml', line, column: 7 });
    await expect(vault.checkAll([{ ciphertext: ok, location: at(1) }])).resolves.toBeUndefined();
    const error = await vault
      .checkAll([{ ciphertext: ok, location: at(1) }, { ciphertext: bad, location: at(4) }, { ciphertext: 'junk', location: at(9) }])
      .catch((e: unknown) => e);
    expect((error as { describe(): string }).describe()).toMatch(/^host_vars\/web\.yml:4:7: Decryption failed/);
  });

  it('says so when there are no secrets at all', async () => {
    const text = await vaultWith().encrypt('x', secret('default', 'a'));
    await expect(vaultWith().decrypt(text, { file: 'v.yml' })).rejects.toThrow('Attempting to decrypt but no vault secrets found on v.yml');
  });

  it('derives the keys for one (password, salt) once', async () => {
    const s = secret('default', 'pw');
    const salt = Buffer.alloc(32, 7);
    expect(s.keysFor(salt)).toBe(s.keysFor(Buffer.from(salt)));
    expect(s.keysFor(Buffer.alloc(32, 8))).not.toBe(s.keysFor(salt));
  });

  it('never shows the password when printed or serialised', () => {
    const s = new VaultSecret('dev', Buffer.from('hunter2'), '/etc/pw');
    expect(`${String(s)} ${JSON.stringify(s)}`).not.toContain('hunter2');
  });

  it('picks the secret to encrypt with like ansible-vault', () => {
    const a = secret('a', '1');
    const b = secret('b', '2');
    expect(new VaultSecrets([a]).forEncryption()).toBe(a);
    expect(new VaultSecrets([a, b]).forEncryption('b')).toBe(b);
    expect(() => new VaultSecrets([a, b]).forEncryption()).toThrow('The vault-ids a,b are available to encrypt. Specify the vault-id to encrypt with --encrypt-vault-id');
    expect(() => new VaultSecrets([a]).forEncryption('c')).toThrow("Did not find a match for --encrypt-vault-id=c in the known vault-ids ['a']");
  });
});
