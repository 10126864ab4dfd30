import { isIPv4, isIPv6 } from 'node:net';

/**
 * Addresses as /proc/net/tcp{,6} writes them ("tcp:0100007F"), for
 * wait_for's drained count: IPv4 as one little-endian word, IPv6 as four,
 * and an IPv4 address also in its IPv4-mapped IPv6 form, as Ansible matches.
 */
export function procNetAddresses(host: string): string[] | undefined {
  if (host === 'localhost') return [...procNetAddresses('127.0.0.1')!, ...procNetAddresses('::1')!];
  if (isIPv4(host)) {
    const word = littleEndianWord(host.split('.').map(Number));
    return [`tcp:${word}`, `tcp6:0000000000000000FFFF0000${word}`];
  }
  if (isIPv6(host)) return [`tcp6:${ipv6Words(host)}`];
  // A host name: resolved on the target (see resolveOnTarget).
  return undefined;
}

function littleEndianWord(bytes: readonly number[]): string {
  return [...bytes]
    .reverse()
    .map((b) => b.toString(16).toUpperCase().padStart(2, '0'))
    .join('');
}

function ipv6Words(address: string): string {
  const [head = '', tail] = address.split('::');
  const parts = (text: string): string[] => (text === '' ? [] : text.split(':'));
  const groups = tail === undefined ? parts(head) : [...parts(head), ...Array<string>(8 - parts(head).length - parts(tail).length).fill('0'), ...parts(tail)];
  // A dotted IPv4 tail (::ffff:1.2.3.4) stands for the last two groups.
  const last = groups[groups.length - 1] ?? '';
  if (last.includes('.')) {
    const b = last.split('.').map(Number);
    groups.splice(groups.length - 1, 1, ((b[0]! << 8) | b[1]!).toString(16), ((b[2]! << 8) | b[3]!).toString(16));
  }
  const bytes = groups.flatMap((g) => {
    const n = Number.parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
  let words = '';
  for (let i = 0; i < 16; i += 4) words += littleEndianWord(bytes.slice(i, i + 4));
  return words;
}

/** Shell that prints a host name's IPv4 addresses in /proc/net form, resolved on the target as Ansible does. */
export function resolveOnTarget(quotedHost: string): string {
  return `$(getent ahostsv4 ${quotedHost} 2>/dev/null | awk '{ print $1 }' | sort -u | awk -F. '{ w = sprintf("%02X%02X%02X%02X", $4, $3, $2, $1); printf "tcp:%s tcp6:0000000000000000FFFF0000%s ", w, w }')`;
}
