import { TsibleError, ExitCode } from '../errors/tsible-error.js';
import type { SourceLocation } from '../errors/source-location.js';

/** Stable codes for everything that can go wrong with vault data or secrets. */
export const VaultErrorCode = {
  /** The envelope or payload is not what Ansible writes (bad hex, header, version...). */
  format: 'TSIBLE_VAULT_FORMAT',
  /** No secret could authenticate the data (wrong password, tampered data). */
  decryptFailed: 'TSIBLE_VAULT_DECRYPT_FAILED',
  /** Vault data met without any secret to try. */
  noSecrets: 'TSIBLE_VAULT_NO_SECRETS',
  /** A password file, script or prompt could not produce a password. */
  passwordSource: 'TSIBLE_VAULT_PASSWORD_SOURCE',
  /** Contradictory or missing command-line options. */
  options: 'TSIBLE_VAULT_OPTIONS',
  /** Reading, writing or editing a vault file failed. */
  file: 'TSIBLE_VAULT_FILE',
  /** Encrypting data that is vault data already. */
  alreadyEncrypted: 'TSIBLE_VAULT_ALREADY_ENCRYPTED',
} as const;

/** Where vault data came from, so every message can name it. */
export interface VaultOrigin {
  /** File the data was read from (a vault file or the YAML file holding a `!vault` value). */
  file?: string | undefined;
  /** Position of an inline `!vault` value inside that file. */
  location?: SourceLocation | undefined;
}

export function vaultFormatError(detail: string, origin: VaultOrigin = {}): TsibleError {
  const where = origin.file === undefined ? '' : ` in ${origin.file}`;
  return new TsibleError(`Vault format error${where}: ${detail}`, {
    code: VaultErrorCode.format,
    location: origin.location,
    exitCode: ExitCode.error,
  });
}

export function notVaultDataError(origin: VaultOrigin = {}): TsibleError {
  const which = origin.file === undefined ? '' : `: ${origin.file} is not a vault encrypted file`;
  return new TsibleError(`input is not vault encrypted data${which}`, {
    code: VaultErrorCode.format,
    location: origin.location,
    hint: 'vault data starts with $ANSIBLE_VAULT and is plain ASCII',
  });
}

export function decryptFailedError(origin: VaultOrigin = {}): TsibleError {
  const where = origin.file === undefined ? '' : ` on ${origin.file}`;
  return new TsibleError(`Decryption failed (no vault secrets were found that could decrypt)${where}`, {
    code: VaultErrorCode.decryptFailed,
    location: origin.location,
    hint: 'check the vault password (--vault-id, --vault-password-file or --ask-vault-pass)',
  });
}

export function noSecretsError(origin: VaultOrigin = {}): TsibleError {
  const where = origin.file === undefined ? '' : ` on ${origin.file}`;
  return new TsibleError(`Attempting to decrypt but no vault secrets found${where}`, {
    code: VaultErrorCode.noSecrets,
    location: origin.location,
    hint: 'give a vault password with --vault-id, --vault-password-file or --ask-vault-pass',
  });
}

export function passwordSourceError(message: string, hint?: string): TsibleError {
  return new TsibleError(message, { code: VaultErrorCode.passwordSource, hint });
}

export function vaultOptionsError(message: string): TsibleError {
  return new TsibleError(message, { code: VaultErrorCode.options, exitCode: ExitCode.badOptions });
}

export function vaultFileError(message: string, cause?: unknown): TsibleError {
  return new TsibleError(message, { code: VaultErrorCode.file, cause });
}

export function alreadyEncryptedError(): TsibleError {
  return new TsibleError('input is already encrypted', { code: VaultErrorCode.alreadyEncrypted });
}
