import type { Config } from '../../config/config.js';

/**
 * Vault settings that come from configuration (ansible.cfg [defaults]) or the
 * environment. The environment wins over the config file, as in Ansible.
 */
export interface VaultSettings {
  /** vault_password_file: used as a `default` secret when set. */
  passwordFile?: string | undefined;
  /** vault_identity_list: --vault-id values tried before the command line's. */
  identityList?: string[] | undefined;
  /** vault_id_match: only try secrets whose id matches the data's. */
  idMatch?: boolean | undefined;
  /** vault_encrypt_identity: default for --encrypt-vault-id. */
  encryptIdentity?: string | undefined;
  /** ask_vault_pass: behave as if --ask-vault-pass were given. */
  askVaultPass?: boolean | undefined;
  /** vault_identity: the label of passwords given without one (`default` unless set). */
  defaultIdentity?: string | undefined;
}

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'on', 'y', 't']);

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function list(value: string | undefined): string[] | undefined {
  const text = nonEmpty(value);
  return text === undefined ? undefined : text.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

function flag(value: string | undefined, fallback: boolean | undefined): boolean | undefined {
  const text = nonEmpty(value);
  return text === undefined ? fallback : TRUE_WORDS.has(text.toLowerCase());
}

export function vaultSettingsFromEnv(env: NodeJS.ProcessEnv, config: VaultSettings = {}): VaultSettings {
  return {
    passwordFile: nonEmpty(env['TSIBLE_VAULT_PASSWORD_FILE']) ?? nonEmpty(env['ANSIBLE_VAULT_PASSWORD_FILE']) ?? config.passwordFile,
    identityList: list(env['ANSIBLE_VAULT_IDENTITY_LIST']) ?? config.identityList,
    idMatch: flag(env['ANSIBLE_VAULT_ID_MATCH'], config.idMatch),
    askVaultPass: flag(env['ANSIBLE_ASK_VAULT_PASS'], config.askVaultPass),
    defaultIdentity: nonEmpty(env['ANSIBLE_VAULT_IDENTITY']) ?? config.defaultIdentity,
    encryptIdentity: nonEmpty(env['ANSIBLE_VAULT_ENCRYPT_IDENTITY']) ?? config.encryptIdentity,
  };
}

/**
 * Settings from a loaded configuration (ansible.cfg plus its ANSIBLE_/TSIBLE_
 * environment overrides); the few vault settings the registry does not carry
 * come from the environment.
 */
export function vaultSettingsFromConfig(config: Config, env: NodeJS.ProcessEnv): VaultSettings {
  const envOnly = vaultSettingsFromEnv(env);
  const list = config.get('DEFAULT_VAULT_IDENTITY_LIST');
  return {
    passwordFile: config.get('DEFAULT_VAULT_PASSWORD_FILE') ?? undefined,
    identityList: list.length === 0 ? undefined : list,
    askVaultPass: config.get('DEFAULT_ASK_VAULT_PASS'),
    defaultIdentity: config.get('DEFAULT_VAULT_IDENTITY'),
    idMatch: envOnly.idMatch,
    encryptIdentity: envOnly.encryptIdentity,
  };
}
