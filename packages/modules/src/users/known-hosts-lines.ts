import { createHmac, randomBytes } from 'node:crypto';

/** A known_hosts line reduced to what Ansible compares: marker, host field, type, key. */
interface NormalisedKey {
  options?: string;
  host: string;
  type: string;
  key: string;
}

export function normaliseKey(line: string): NormalisedKey {
  const k = line.trim().split(/\s+/);
  if ((k[0] ?? '').startsWith('@')) return { options: k[0] ?? '', host: k[1] ?? '', type: k[2] ?? '', key: k[3] ?? '' };
  return { host: k[0] ?? '', type: k[1] ?? '', key: k[2] ?? '' };
}

const sameKey = (a: NormalisedKey, b: NormalisedKey): boolean => a.options === b.options && a.host === b.host && a.type === b.type && a.key === b.key;

/** The host field replaced by OpenSSH's `|1|salt|hmac` form, as ssh-keygen -H writes it. */
export function hashHostKey(host: string, key: string, salt: Buffer = randomBytes(20)): string {
  const hashed = createHmac('sha1', salt).update(host).digest();
  const parts = key.trim().split(/\s+/);
  const i = (parts[0] ?? '').startsWith('@') ? 1 : 0;
  parts[i] = `|1|${salt.toString('base64')}|${hashed.toString('base64')}`;
  return parts.join(' ');
}

export interface Search {
  found: boolean;
  replaceOrAdd: boolean;
  foundLine: number | null;
}

/** Ansible's search_for_host_key over `ssh-keygen -F HOST` output. */
export function searchOutput(stdout: string, key: string | null): Search {
  if (key === null) return { found: true, replaceOrAdd: false, foundLine: null };
  const wanted = normaliseKey(key);
  let foundLine: number | null = null;
  for (const line of stdout.split('\n')) {
    if (line === '') continue;
    if (line.startsWith('#')) {
      const m = /found: line (\d+)/.exec(line);
      if (m !== null) foundLine = Number(m[1]);
      continue;
    }
    const found = normaliseKey(line);
    // An entry already hashed keeps its hash.
    if (wanted.host.startsWith('|1|') && found.host.startsWith('|1|')) wanted.host = found.host;
    if (sameKey(wanted, found)) return { found: true, replaceOrAdd: false, foundLine };
    if (wanted.type === found.type) return { found: true, replaceOrAdd: true, foundLine };
  }
  return { found: true, replaceOrAdd: true, foundLine: null };
}

/** The file after the change: the found line dropped when replacing or removing, the key appended when present. */
export function newContent(before: string, search: Search, state: 'present' | 'absent', key: string | null): string {
  const lines: string[] = [...(before.match(/[^\n]*\n|[^\n]+$/g) ?? [])];
  const { foundLine } = search;
  if ((search.replaceOrAdd || state === 'absent') && foundLine !== null && foundLine >= 1 && foundLine <= lines.length) lines.splice(foundLine - 1, 1);
  if (state === 'present' && key !== null && (search.replaceOrAdd || foundLine === null)) lines.push(key);
  return lines.join('');
}
