import type { CliContext } from '../../context.js';
import { vaultOptionsError } from '../../../vault/errors.js';
import { loadVaultSecrets } from '../../../vault/sources/load-secrets.js';
import type { VaultSecret } from '../../../vault/secrets/vault-secret.js';
import type { VaultSecrets } from '../../../vault/secrets/vault-secrets.js';
import type { VaultSettings } from '../../../vault/sources/settings.js';
import { secretRequestFrom, type VaultPasswordOptions } from './options.js';

export interface EncryptChoiceOptions extends VaultPasswordOptions {
  encryptVaultId?: string;
}

export interface RekeyOptions extends EncryptChoiceOptions {
  newVaultId?: string;
  newVaultPasswordFile?: string;
}

const PASSWORD_REQUIRED = "A vault password is required to use Ansible's Vault";

/** Secrets for reading (decrypt, view, edit, rekey); prompts when nothing else is given. */
export async function secretsForReading(options: VaultPasswordOptions, ctx: CliContext, settings: VaultSettings): Promise<VaultSecrets> {
  const secrets = await loadVaultSecrets({ ...secretRequestFrom(options, ctx, settings), autoPrompt: true });
  if (secrets.size === 0) throw vaultOptionsError(PASSWORD_REQUIRED);
  return secrets;
}

/** The one secret to encrypt with (encrypt, encrypt_string, create); prompts ask twice. */
export async function secretForEncrypting(
  options: EncryptChoiceOptions,
  ctx: CliContext,
  settings: VaultSettings,
): Promise<{ secrets: VaultSecrets; secret: VaultSecret }> {
  const request = { ...secretRequestFrom(options, ctx, settings), autoPrompt: true, newPassword: true };
  const secrets = await loadVaultSecrets(request);
  if (secrets.size === 0) throw vaultOptionsError(PASSWORD_REQUIRED);
  return { secrets, secret: secrets.forEncryption(options.encryptVaultId ?? request.settings.encryptIdentity) };
}

/**
 * The new secret for rekey: --new-vault-id or --new-vault-password-file, else a
 * prompt. Configured password files are left out, so they cannot silently become the new key.
 */
export async function newSecretForRekey(options: RekeyOptions, ctx: CliContext, settings: VaultSettings): Promise<VaultSecret> {
  const base = secretRequestFrom(options, ctx, settings);
  const encryptVaultId = options.encryptVaultId ?? base.settings.encryptIdentity;
  const secrets = await loadVaultSecrets({
    ...base,
    vaultIds: [
      ...(encryptVaultId === undefined ? [] : (base.settings.identityList ?? [])),
      ...(options.newVaultId === undefined ? [] : [options.newVaultId]),
    ],
    passwordFiles: options.newVaultPasswordFile === undefined ? [] : [options.newVaultPasswordFile],
    askVaultPass: options.askVaultPass === true || settings.askVaultPass === true,
    settings: { idMatch: settings.idMatch },
    autoPrompt: true,
    newPassword: true,
  });
  if (secrets.size === 0) throw vaultOptionsError("A new vault password is required to use Ansible's Vault rekey");
  return encryptVaultId === undefined ? (secrets.all()[0] as VaultSecret) : secrets.forEncryption(encryptVaultId);
}
