import { parseYaml, VaultText } from '../loader/yaml.js';
import { Vault } from './vault.js';
import { VaultSecret } from './secrets/vault-secret.js';
import { VaultSecrets } from './secrets/vault-secrets.js';
import { fixture, fixturePassword } from '../../../../test/vault/fixtures.js';

/** The YAML loader's `!vault` values, decrypted: Ansible's vars file, read the tsible way. */
describe('inline vault values from the YAML loader', () => {
  const vars = parseYaml(fixture('ansible/vars.yml').toString(), 'group_vars/all.yml') as Record<string, unknown>;
  const values = ['secret_1', 'secret_2', 'secret_3'].map((k) => vars[k]);

  it('decrypts to what Ansible renders', async () => {
    const vault = new Vault(new VaultSecrets([new VaultSecret('dev', fixturePassword('dev'))]));
    expect(values.every((v) => v instanceof VaultText)).toBe(true);
    const texts = values as VaultText[];
    await vault.checkAll(texts);
    const plain = await Promise.all(texts.map((v) => vault.decryptText(v)));
    expect([...plain, vars['plain']].join('|')).toBe(fixture('ansible/vars.yml.expected').toString());
  });

  it('a wrong password points at the value in the file', async () => {
    const vault = new Vault(new VaultSecrets([new VaultSecret('dev', Buffer.from('not it'))]));
    const error = await vault.checkAll(values as VaultText[]).catch((e: unknown) => e);
    expect((error as { describe(): string }).describe()).toMatch(/^group_vars\/all\.yml:2:\d+: Decryption failed \(no vault secrets were found that could decrypt\) on group_vars\/all\.yml\n/);
  });
});
