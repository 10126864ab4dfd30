import { Emitter, type EventSink } from '../output/events.js';
import { InventoryError } from './errors.js';
import type { Inventory } from './inventory.js';
import type { Host } from './model/host.js';
import { LOCALHOST_NAMES } from './model/inventory-data.js';

export interface TargetOptions {
  limit?: string | readonly string[] | undefined;
  sink: EventSink;
  /** localhost_warning: warn when the inventory is empty. */
  localhostWarning?: boolean;
}

/**
 * The hosts a play or ad-hoc run targets, with the checks ansible and
 * ansible-playbook make first: a warning when the inventory is empty (only
 * the implicit localhost is left), an error when the pattern and --limit
 * leave nothing from a non-empty inventory.
 */
export function selectTargets(inventory: Inventory, pattern: string | readonly string[], options: TargetOptions): Host[] {
  const empty = inventory.isEmpty();
  if (empty && (options.localhostWarning ?? true) && !(typeof pattern === 'string' && LOCALHOST_NAMES.includes(pattern))) {
    new Emitter(options.sink).warn(
      'inventory.empty',
      "provided hosts list is empty, only localhost is available. Note that the implicit localhost does not match 'all'",
    );
  }
  const hosts = inventory.selectHosts(pattern, { limit: options.limit });
  if (hosts.length === 0 && !empty) {
    throw new InventoryError('Specified inventory, host pattern and/or --limit leaves us with no hosts to target.', 'TSIBLE_NO_HOSTS', {
      hint: 'check the pattern with `tsible inventory --graph` and your --limit',
    });
  }
  return hosts;
}
