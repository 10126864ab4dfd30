import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordingSink } from '../../output/events.js';
import { loadVaultSecrets, splitVaultId, vaultIdSlugs } from './load-secrets.js';
import { readPasswordSource } from './password-file.js';
import { vaultSettingsFromEnv } from './settings.js';
import type { Prompter } from './tty-prompt.js';
import type { VaultSecret } from '../secrets/vault-secret.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tsible-vault-src-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string, mode = 0o600): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  chmodSync(path, mode);
  return path;
}

/** Observes a secret's password through the key it derives, without exposing the bytes. */
async function samePassword(secret: VaultSecret, password: string): Promise<boolean> {
  const { VaultSecret: Secret } = await import('../secrets/vault-secret.js');
  const salt = Buffer.alloc(32, 9);
  const [a, b] = await Promise.all([secret.keysFor(salt), new Secret('x', Buffer.from(password)).keysFor(salt)]);
  return a.cipherKey.equals(b.cipherKey);
}

describe('password files and scripts', () => {
  it('strips whitespace around a plain file', async () => {
    const pw = await readPasswordSource(file('pw', '  s3cret with space \r\n'), 'default');
    expect(pw.toString()).toBe('s3cret with space');
  });

  it('runs an executable file and uses its stdout without line ends', async () => {
    const pw = await readPasswordSource(file('pw.sh', '#!/bin/sh\nprintf " from script \\n"\n', 0o700), 'default');
    expect(pw.toString()).toBe(' from script ');
  });

  it('passes --vault-id to a -client script', async () => {
    const script = file('vault-client.sh', '#!/bin/sh\n[ "$1" = --vault-id ] && echo "pw-for-$2"\n', 0o700);
    expect((await readPasswordSource(script, 'prod')).toString()).toBe('pw-for-prod');
  });

  it.each([
    ['pw.sh', '#!/bin/sh\nexit 3\n', 0o700, 'returned non-zero (3)'],
    ['pw.sh', '#!/bin/sh\necho\n', 0o700, 'Invalid vault password was provided from script'],
    ['pw', '\n\n', 0o600, 'Invalid vault password was provided from file'],
    ['lookup-client', '#!/bin/sh\nexit 2\n', 0o700, 'did not find a secret for vault-id=default'],
  ])('reports a failing source %s clearly', async (name, content, mode, message) => {
    await expect(readPasswordSource(file(name, content, mode), 'default')).rejects.toThrow(message);
  });

  it('reports a missing file', async () => {
    await expect(readPasswordSource(join(dir, 'nope'), 'default')).rejects.toThrow(`The vault password file ${join(dir, 'nope')} was not found`);
  });
});

describe('building the secret list', () => {
  it('splits vault ids like Ansible', () => {
    expect(splitVaultId('dev@pw.txt')).toEqual({ label: 'dev', source: 'pw.txt' });
    expect(splitVaultId('pw.txt')).toEqual({ label: undefined, source: 'pw.txt' });
    expect(splitVaultId('dev@a@b')).toEqual({ label: 'dev', source: 'a@b' });
    expect(() => splitVaultId('a;b@x')).toThrow("'a;b@x' is not a valid vault id");
  });

  it('orders identity list, --vault-id, password files, configured file, then the prompt', () => {
    const slugs = vaultIdSlugs({
      cwd: dir,
      vaultIds: ['dev@d'],
      passwordFiles: ['p'],
      askVaultPass: true,
      settings: { identityList: ['ops@o'], passwordFile: 'cfg' },
    });
    expect(slugs).toEqual(['ops@o', 'dev@d', 'default@p', 'default@cfg', 'default@prompt_ask_vault_pass']);
    expect(vaultIdSlugs({ cwd: dir, autoPrompt: true })).toEqual(['default@prompt_ask_vault_pass']);
    expect(vaultIdSlugs({ cwd: dir })).toEqual([]);
    expect(vaultIdSlugs({ cwd: dir, settings: { askVaultPass: true } })).toEqual(['default@prompt_ask_vault_pass']);
    expect(vaultIdSlugs({ cwd: dir, passwordFiles: ['p'], askVaultPass: true, settings: { defaultIdentity: 'ops' } })).toEqual(['ops@p', 'ops@prompt_ask_vault_pass']);
  });

  it('reads files relative to cwd and labels them', async () => {
    file('dev.txt', 'devpw\n');
    const secrets = await loadVaultSecrets({ cwd: dir, vaultIds: ['dev@dev.txt', 'dev.txt'] });
    expect(secrets.ids()).toEqual(['dev', 'default']);
    expect(await samePassword(secrets.all()[0] as VaultSecret, 'devpw')).toBe(true);
  });

  it('opens a password file that is itself vaulted with an earlier secret', async () => {
    const { Vault } = await import('../vault.js');
    const { VaultSecret: Secret } = await import('../secrets/vault-secret.js');
    const outer = new Secret('default', Buffer.from('outer'));
    file('outer.txt', 'outer\n');
    file('inner.vault', await new Vault().encrypt('inner-password\n', outer));
    const secrets = await loadVaultSecrets({ cwd: dir, vaultIds: ['outer.txt', 'inner@inner.vault'] });
    expect(await samePassword(secrets.all()[1] as VaultSecret, 'inner-password')).toBe(true);
    await expect(loadVaultSecrets({ cwd: dir, vaultIds: ['inner@inner.vault'] })).rejects.toThrow('Attempting to decrypt but no vault secrets found');
  });

  it('warns about a broken source while another works, fails when none does', async () => {
    file('ok', 'pw');
    const sink = new RecordingSink();
    const secrets = await loadVaultSecrets({ cwd: dir, vaultIds: ['a@missing', 'b@ok'], events: sink });
    expect(secrets.ids()).toEqual(['b']);
    expect(sink.messages('warning')[0]).toMatch(/^Error getting vault password file \(a\): The vault password file .*missing was not found$/);
    await expect(loadVaultSecrets({ cwd: dir, vaultIds: ['a@missing'] })).rejects.toThrow('was not found');
  });

  it('prompts with Ansible wording, asks twice for a new password, and compares', async () => {
    const asked: string[] = [];
    const answers = ['  first  ', 'first', 'x', 'y'];
    const prompter: Prompter = async (q) => {
      asked.push(q);
      return answers.shift() ?? '';
    };
    const secrets = await loadVaultSecrets({ cwd: dir, vaultIds: ['dev@prompt'], askVaultPass: true, newPassword: false, prompter: async (q) => (asked.push(q), 'pw') });
    expect(secrets.ids()).toEqual(['dev', 'default']);
    expect(asked).toEqual(['Vault password (dev): ', 'Vault password: ']);
    asked.length = 0;
    const created = await loadVaultSecrets({ cwd: dir, askVaultPass: true, newPassword: true, prompter });
    expect(asked).toEqual(['New Vault password: ', 'Confirm New Vault password: ']);
    expect(await samePassword(created.all()[0] as VaultSecret, 'first')).toBe(true);
    await expect(loadVaultSecrets({ cwd: dir, vaultIds: ['p@prompt'], newPassword: true, prompter })).rejects.toThrow('Passwords do not match');
    await expect(loadVaultSecrets({ cwd: dir, askVaultPass: true, prompter: async () => '   ' })).rejects.toThrow('Invalid vault password was provided');
  });
});

describe('settings from the environment', () => {
  it('prefers TSIBLE_ over ANSIBLE_ over config, and ignores empty values', () => {
    expect(vaultSettingsFromEnv({ ANSIBLE_VAULT_PASSWORD_FILE: 'a', TSIBLE_VAULT_PASSWORD_FILE: 't' }, { passwordFile: 'c' }).passwordFile).toBe('t');
    expect(vaultSettingsFromEnv({ ANSIBLE_VAULT_PASSWORD_FILE: 'a' }, { passwordFile: 'c' }).passwordFile).toBe('a');
    expect(vaultSettingsFromEnv({ ANSIBLE_VAULT_PASSWORD_FILE: '' }, { passwordFile: 'c' }).passwordFile).toBe('c');
    expect(vaultSettingsFromEnv({ ANSIBLE_VAULT_IDENTITY_LIST: 'dev@a, prod@b', ANSIBLE_VAULT_ID_MATCH: 'yes' })).toMatchObject({
      identityList: ['dev@a', 'prod@b'],
      idMatch: true,
    });
    expect(vaultSettingsFromEnv({ ANSIBLE_ASK_VAULT_PASS: 'False' }, { askVaultPass: true, idMatch: true })).toMatchObject({
      askVaultPass: false,
      idMatch: true,
    });
  });
});
