/**
 * Filters Ansible content uses that tsible does not provide, with the reason
 * shown instead of Jinja's bare "Could not load".
 */
const NETWORK = 'the ansible.utils network filters (ipaddr family) are not supported by tsible';

export const UNSUPPORTED_FILTERS: Readonly<Record<string, string>> = {
  ipaddr: NETWORK,
  ipv4: NETWORK,
  ipv6: NETWORK,
  ipwrap: NETWORK,
  ipmath: NETWORK,
  ipsubnet: NETWORK,
  nthhost: NETWORK,
  next_nth_usable: NETWORK,
  network_in_usable: NETWORK,
  network_in_network: NETWORK,
  cidr_merge: NETWORK,
  hwaddr: NETWORK,
  macaddr: NETWORK,
  json_query: 'the json_query filter (community.general, JMESPath) is not supported by tsible; use selectattr/map/json-compatible filters',
  vault: 'the vault filter is not supported by tsible templates; encrypt with `tsible vault`',
  unvault: 'the unvault filter is not supported by tsible templates',
  pprint: "the pprint filter is not supported by tsible; use to_nice_json or to_nice_yaml",
  urlize: 'the urlize filter is not supported by tsible',
};

export function unsupportedFilterReason(name: string): string | undefined {
  const short = name.slice(name.lastIndexOf('.') + 1);
  return Object.prototype.hasOwnProperty.call(UNSUPPORTED_FILTERS, short) ? UNSUPPORTED_FILTERS[short] : undefined;
}
