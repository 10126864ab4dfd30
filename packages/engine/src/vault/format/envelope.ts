import { notVaultDataError, vaultFormatError, type VaultOrigin } from '../errors.js';

/** Every vault blob starts with this marker, in files and in `!vault` values alike. */
export const VAULT_HEADER = '$ANSIBLE_VAULT';
/** The identity a secret gets when none is named; files for it are written as format 1.1. */
export const DEFAULT_VAULT_ID = 'default';
export const VAULT_CIPHER = 'AES256';
const LINE_WIDTH = 80;
const READABLE_VERSIONS = new Set(['1.1', '1.2']);

export interface VaultEnvelope {
  version: string;
  cipher: string;
  /** The id from a 1.2 header, or `default` for 1.1. */
  vaultId: string;
  /** True when the header named the id (format 1.2). */
  vaultIdInHeader: boolean;
  /** The hex body with line breaks removed. */
  body: string;
}

/**
 * True when the data is vault data: pure ASCII starting with the header,
 * which is exactly Ansible's test (a non-ASCII file is never vault data).
 */
export function isVaultEnvelope(data: Uint8Array | string): boolean {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  if (bytes.length < VAULT_HEADER.length) return false;
  for (let i = 0; i < VAULT_HEADER.length; i++) if (bytes[i] !== VAULT_HEADER.charCodeAt(i)) return false;
  for (let i = VAULT_HEADER.length; i < bytes.length; i++) if ((bytes[i] as number) > 0x7f) return false;
  return true;
}

/** Splits header and body; the body is the remaining lines joined, as Ansible reads it. */
export function parseEnvelope(text: string, origin: VaultOrigin = {}): VaultEnvelope {
  if (!isVaultEnvelope(text)) throw notVaultDataError(origin);
  const lines = text.split(/\r\n|\r|\n/);
  const header = (lines[0] ?? '').trim().split(';').map((part) => part.trim());
  if (header[0] !== VAULT_HEADER || header.length < 3 || header.length > 4) {
    throw vaultFormatError(`malformed header "${(lines[0] ?? '').trim()}"; expected ${VAULT_HEADER};1.1;AES256 or ${VAULT_HEADER};1.2;AES256;<vault-id>`, origin);
  }
  const version = header[1] as string;
  const cipher = header[2] as string;
  if (!READABLE_VERSIONS.has(version)) {
    throw vaultFormatError(`unsupported vault format version "${version}" (1.1 and 1.2 are supported)`, origin);
  }
  if (cipher !== VAULT_CIPHER) throw vaultFormatError(`${cipher} cipher could not be found`, origin);
  const namedId = header[3];
  if (namedId !== undefined && namedId === '') throw vaultFormatError('empty vault id in header', origin);
  return {
    version,
    cipher,
    vaultId: namedId ?? DEFAULT_VAULT_ID,
    vaultIdInHeader: namedId !== undefined,
    body: lines.slice(1).join(''),
  };
}

/**
 * Header plus the body wrapped at 80 columns and a final newline. A named id
 * other than `default` makes it format 1.2, as Ansible decides.
 */
export function formatEnvelope(body: string, vaultId?: string): string {
  const named = vaultId !== undefined && vaultId !== '' && vaultId !== DEFAULT_VAULT_ID;
  const header = named ? `${VAULT_HEADER};1.2;${VAULT_CIPHER};${vaultId}` : `${VAULT_HEADER};1.1;${VAULT_CIPHER}`;
  const lines = [header];
  for (let i = 0; i < body.length; i += LINE_WIDTH) lines.push(body.slice(i, i + LINE_WIDTH));
  lines.push('');
  return lines.join('\n');
}
