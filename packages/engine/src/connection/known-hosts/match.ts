import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { KnownHostEntry } from './parse.js';
import { keyTypeOfBlob } from './parse.js';

/** How ssh names a host in known_hosts: `host`, or `[host]:port` off port 22. */
export function knownHostsName(host: string, port: number): string {
  return port === 22 ? host.toLowerCase() : `[${host.toLowerCase()}]:${port}`;
}

/** OpenSSH's fingerprint form, e.g. `SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8`. */
export function fingerprintSha256(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** Glob with `*` and `?`, case-insensitive, like ssh's match_pattern. */
export function matchHostPattern(name: string, pattern: string): boolean {
  const regex = pattern
    .toLowerCase()
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+(){}[\]]/g, '\\$&')))
    .join('');
  return new RegExp(`^${regex}$`, 's').test(name.toLowerCase());
}

export function entryNamesHost(entry: KnownHostEntry, host: string, port: number): boolean {
  const name = knownHostsName(host, port);
  if (entry.names.kind === 'hashed') {
    const digest = createHmac('sha1', entry.names.salt).update(name).digest();
    return timingSafeEqual(digest, entry.names.hash);
  }
  let matched = false;
  for (const pattern of entry.names.patterns) {
    if (pattern.startsWith('!')) {
      // A matching negation rules the entry out whatever else matches.
      if (matchHostPattern(name, pattern.slice(1))) return false;
    } else if (matchHostPattern(name, pattern)) {
      matched = true;
    }
  }
  return matched;
}

export type HostKeyVerdict =
  | { status: 'trusted'; entry: KnownHostEntry }
  | { status: 'revoked'; entry: KnownHostEntry }
  /** The host is known with this key type, but with another key. */
  | { status: 'changed'; entries: readonly KnownHostEntry[] }
  /** No entry for the host with this key type (`otherTypes` lists known ones). */
  | { status: 'unknown'; otherTypes: readonly string[] };

/**
 * Decides what known_hosts says about `key` offered by `host:port`.
 * @cert-authority lines never vouch for a plain key (certificates are not
 * offered by this client), and @revoked wins over everything.
 */
export function verifyHostKey(entries: readonly KnownHostEntry[], host: string, port: number, key: Buffer): HostKeyVerdict {
  const revoked = entries.find((e) => e.marker === 'revoked' && e.key.equals(key));
  if (revoked) return { status: 'revoked', entry: revoked };
  const keyType = keyTypeOfBlob(key);
  const forHost = entries.filter((e) => e.marker === undefined && entryNamesHost(e, host, port));
  const trusted = forHost.find((e) => e.key.equals(key));
  if (trusted) return { status: 'trusted', entry: trusted };
  const sameType = forHost.filter((e) => e.keyType === keyType);
  if (sameType.length > 0) return { status: 'changed', entries: sameType };
  return { status: 'unknown', otherTypes: [...new Set(forHost.map((e) => e.keyType))] };
}

/** Key types known for a host, so the handshake can prefer them as ssh does. */
export function knownKeyTypes(entries: readonly KnownHostEntry[], host: string, port: number): string[] {
  return [...new Set(entries.filter((e) => e.marker === undefined && entryNamesHost(e, host, port)).map((e) => e.keyType))];
}
