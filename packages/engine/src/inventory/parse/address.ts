/**
 * Host identifiers with an optional port, as Ansible's parse_address reads
 * them: `host:22`, `10.0.0.1:22`, `[::1]:22`, bare IPv6 `fe80::1`, and the
 * same with [x:y] ranges inside.
 */
const NUMERIC_RANGE = String.raw`\[(?:[0-9]+:[0-9]+)(?::[0-9]+)?\]`;
const HEX_RANGE = String.raw`\[(?:[0-9a-f]+:[0-9a-f]+)(?::[0-9]+)?\]`;
const ALNUM_RANGE = String.raw`\[(?:[a-z]:[a-z]|[0-9]+:[0-9]+)(?::[0-9]+)?\]`;
const IPV6_PART = String.raw`(?:[0-9a-f]{1,4}|${HEX_RANGE})`;
const IPV4_PART = String.raw`(?:[01]?[0-9]{1,2}|2[0-4][0-9]|25[0-5]|${NUMERIC_RANGE})`;
// Python's \w is Unicode-aware; so is \p{L}\p{N} plus underscore here.
const WORD = String.raw`[\p{L}\p{N}_]`;
const LABEL = String.raw`(?:${WORD}|${ALNUM_RANGE})(?:[\p{L}\p{N}_-]|${ALNUM_RANGE})*(?<![_-])`;

const BRACKETED_HOSTPORT = /^\[(.+)\]:([0-9]+)$/s;
const HOSTPORT = /^((?:[^:[\]]|\[[^\]]*\])*):([0-9]+)$/s;
const IPV4 = new RegExp(String.raw`^(?:${IPV4_PART}\.){3}${IPV4_PART}$`, 'i');
const P = IPV6_PART;
// Only the last alternative is anchored at the end in Ansible's pattern, so
// most forms accept trailing text; kept as is so the same names parse.
const IPV6 = new RegExp(
  '^(?:' +
    [
      `(?:${P}:){7}${P}`,
      `(?:${P}:){1,6}:`,
      `(?:${P}:)(?::${P}){1,6}`,
      `(?:${P}:){2}(?::${P}){1,5}`,
      `(?:${P}:){3}(?::${P}){1,4}`,
      `(?:${P}:){4}(?::${P}){1,3}`,
      `(?:${P}:){5}(?::${P}){1,2}`,
      `(?:${P}:){6}(?::${P})`,
      `:(?::${P}){1,6}`,
      `${P}?::`,
      `(?:0:){6}(?:${P}\\.){3}${P}`,
      `::(?:ffff:)?(?:${P}\\.){3}${P}`,
      `(?:0:){5}ffff:(?:${P}\\.){3}${P}$`,
    ].join('|') +
    ')',
  'i',
);
const HOSTNAME = new RegExp(String.raw`^${LABEL}(?:\.${LABEL})*$`, 'iu');

export class AddressError extends Error {}

export interface ParsedAddress {
  host: string;
  port: number | undefined;
}

export function isIpAddress(name: string): boolean {
  return IPV4.test(name) || IPV6.test(name);
}

/** Throws AddressError when the text is not a host identifier (with optional port). */
export function parseAddress(address: string, allowRanges: boolean): ParsedAddress {
  let rest = address;
  let port: number | undefined;
  // Like Python's loop, both forms are tried in turn on what is left.
  for (const re of [BRACKETED_HOSTPORT, HOSTPORT]) {
    const m = re.exec(rest);
    if (m) {
      rest = m[1] as string;
      port = Number(m[2]);
    }
  }
  const valid = IPV4.test(rest) || IPV6.test(rest) || HOSTNAME.test(rest);
  if (!valid) throw new AddressError(`Not a valid network hostname: ${rest}`);
  if (!allowRanges && rest.includes('[')) throw new AddressError('Detected range in host but was asked to ignore ranges');
  return { host: rest, port };
}
