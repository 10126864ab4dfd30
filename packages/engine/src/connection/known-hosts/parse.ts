/**
 * A small parser for OpenSSH known_hosts files (sshd(8) "SSH_KNOWN_HOSTS FILE
 * FORMAT"): optional @marker, host patterns or one hashed name, key type,
 * base64 key, comment. Malformed lines are skipped, as ssh does.
 */

export type KnownHostMarker = 'revoked' | 'cert-authority';

export type HostNames =
  | { kind: 'hashed'; salt: Buffer; hash: Buffer }
  | { kind: 'patterns'; patterns: readonly string[] };

export interface KnownHostEntry {
  marker: KnownHostMarker | undefined;
  names: HostNames;
  keyType: string;
  /** The raw public key blob (wire format). */
  key: Buffer;
  file: string;
  line: number;
}

const HASH_PREFIX = '|1|';

export function parseKnownHosts(text: string, file: string): KnownHostEntry[] {
  const entries: KnownHostEntry[] = [];
  text.split('\n').forEach((raw, index) => {
    const entry = parseLine(raw.trim(), file, index + 1);
    if (entry) entries.push(entry);
  });
  return entries;
}

function parseLine(line: string, file: string, lineNumber: number): KnownHostEntry | undefined {
  if (line === '' || line.startsWith('#')) return undefined;
  const fields = line.split(/\s+/);
  let marker: KnownHostMarker | undefined;
  if (fields[0]?.startsWith('@')) {
    const name = fields.shift()!.slice(1);
    if (name !== 'revoked' && name !== 'cert-authority') return undefined;
    marker = name;
  }
  const [hostField, keyType, keyBase64] = fields;
  if (hostField === undefined || keyType === undefined || keyBase64 === undefined) return undefined;
  const names = parseHostNames(hostField);
  const key = Buffer.from(keyBase64, 'base64');
  if (!names || key.length === 0 || keyTypeOfBlob(key) !== keyType) return undefined;
  return { marker, names, keyType, key, file, line: lineNumber };
}

function parseHostNames(field: string): HostNames | undefined {
  if (!field.startsWith(HASH_PREFIX)) {
    const patterns = field.split(',').filter((p) => p !== '');
    return patterns.length > 0 ? { kind: 'patterns', patterns } : undefined;
  }
  const [salt, hash] = field.slice(HASH_PREFIX.length).split('|');
  if (salt === undefined || hash === undefined) return undefined;
  const saltBytes = Buffer.from(salt, 'base64');
  const hashBytes = Buffer.from(hash, 'base64');
  // HMAC-SHA1: 20-byte salt and digest.
  if (saltBytes.length !== 20 || hashBytes.length !== 20) return undefined;
  return { kind: 'hashed', salt: saltBytes, hash: hashBytes };
}

/** The algorithm name at the start of an SSH public key blob. */
export function keyTypeOfBlob(blob: Buffer): string | undefined {
  if (blob.length < 4) return undefined;
  const length = blob.readUInt32BE(0);
  if (length === 0 || length > 64 || 4 + length > blob.length) return undefined;
  return blob.subarray(4, 4 + length).toString('latin1');
}
