// Ansible-Vault-compatible encryption: formats 1.1/1.2, secrets and their sources, file operations.
export { Vault, type VaultTextLike, type Decrypted, type EncryptOptions } from './vault.js';
export { VaultSecret } from './secrets/vault-secret.js';
export { VaultSecrets, type VaultSecretsOptions } from './secrets/vault-secrets.js';
export { isVaultEnvelope, parseEnvelope, formatEnvelope, VAULT_HEADER, DEFAULT_VAULT_ID, type VaultEnvelope } from './format/envelope.js';
export { loadVaultSecrets, splitVaultId, vaultIdSlugs, type SecretRequest } from './sources/load-secrets.js';
export { vaultSettingsFromEnv, type VaultSettings } from './sources/settings.js';
export { ttyPrompter, type Prompter } from './sources/tty-prompt.js';
export { VaultErrorCode, type VaultOrigin } from './errors.js';
export { writeFileAtomic, type AtomicWriteOptions } from './files/atomic-write.js';
export { editVaultFile, createVaultFile, rekeyVaultFiles, type EditorSettings } from './files/edit-vault-file.js';
