import { AddressError, parseAddress } from './address.js';
import { expandHostRange, hasRange } from './host-range.js';

export interface ExpandedHosts {
  names: string[];
  port: number | undefined;
}

/**
 * A host entry as written in an inventory (`web[01:03].example.com:2222`)
 * turned into host names and an optional port, as Ansible's
 * _expand_hostpattern does. Range errors throw HostRangeError.
 */
export function expandHostPattern(pattern: string): ExpandedHosts {
  let base = pattern;
  let port: number | undefined;
  try {
    const parsed = parseAddress(pattern, true);
    base = parsed.host;
    port = parsed.port;
  } catch (err) {
    // Not a recognisable address: Ansible keeps the text as the host name.
    if (!(err instanceof AddressError)) throw err;
  }
  return { names: hasRange(base) ? expandHostRange(base) : [base], port };
}
