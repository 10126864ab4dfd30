/** get_url's `checksum`: `algorithm:hex` or `algorithm:URL of a checksum list`. */

export type ChecksumOption = null | { kind: 'digest'; algorithm: string; digest: string } | { kind: 'url'; algorithm: string; url: string };

/** Algorithms the target can compute with coreutils/busybox `<algo>sum` (or openssl). */
const ALGORITHMS = new Set(['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']);

/** Ansible strips non-word characters, lowercases, and requires hex. */
export function normaliseDigest(text: string): string | null {
  const digest = text.replace(/\W+/g, '').toLowerCase();
  return /^[0-9a-f]+$/.test(digest) ? digest : null;
}

export function parseChecksumOption(value: string): { value: ChecksumOption } | { error: string } {
  if (value === '') return { value: null };
  const colon = value.indexOf(':');
  if (colon === -1) return { error: 'The checksum parameter has to be in format <algorithm>:<checksum>' };
  const algorithm = value.slice(0, colon);
  const rest = value.slice(colon + 1);
  if (!ALGORITHMS.has(algorithm)) return { error: `Could not hash file with algorithm ${algorithm}. Available algorithms: ${[...ALGORITHMS].join(', ')}` };
  if (/^(https?|ftp|file):/.test(rest)) return { value: { kind: 'url', algorithm, url: rest } };
  const digest = normaliseDigest(rest);
  if (digest === null) return { error: 'The checksum format is invalid' };
  return { value: { kind: 'digest', algorithm, digest } };
}

/**
 * Finds FILENAME's digest in a sha256sum-style list (`hex  name`, `hex *name`,
 * `./name`); a list of one bare word is the digest itself. As Ansible 2.14.
 */
export function checksumFromList(list: string, filename: string): string | null {
  const lines = list.split('\n').filter((line, index, all) => !(line === '' && index === all.length - 1));
  if (lines.length === 1 && (lines[0] ?? '').trim().split(/\s+/).length === 1) return normaliseDigest(lines[0] ?? '');
  for (const line of lines) {
    const space = line.indexOf(' ');
    if (space === -1) continue;
    let name = line.slice(space + 1);
    if (name.startsWith(' ') || name.startsWith('*')) name = name.slice(1);
    if (name.replace(/^[./]+/, '') === filename) return normaliseDigest(line.slice(0, space));
  }
  return null;
}
