import { AddressError, parseAddress } from '../parse/address.js';
import type { SourceContext } from './source-context.js';

/** `-i 'web1,web2:2222,'`: comma-separated hosts, each added to 'ungrouped'. */
export function parseHostList(list: string, ctx: SourceContext): void {
  for (const part of list.split(',')) {
    const entry = part.trim();
    if (!entry) continue;
    let host = entry;
    let port: number | undefined;
    try {
      ({ host, port } = parseAddress(entry, false));
    } catch (err) {
      if (!(err instanceof AddressError)) throw err;
    }
    if (!ctx.data.hosts.has(host)) ctx.data.addHost(host, 'ungrouped', port);
  }
}

export function isHostList(source: string, exists: boolean): boolean {
  return !exists && source.includes(',');
}
