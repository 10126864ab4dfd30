import { homedir } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { Emitter, type EventSink } from '../output/events.js';
import { InventoryError } from './errors.js';
import { pathExists } from './fs-kind.js';
import { Inventory } from './inventory.js';
import type { Vault } from '../vault/index.js';
import { InventoryData } from './model/inventory-data.js';
import type { PatternMismatch } from './patterns/select.js';
import { DEFAULT_IGNORE_EXTENSIONS, readSource } from './sources/read-source.js';

export interface LoadInventoryOptions {
  /** -i values in order: files, directories, scripts or comma host lists. */
  sources: string[];
  /** Relative sources resolve against this directory. */
  cwd: string;
  sink: EventSink;
  /** Adds group_vars/host_vars next to the playbook. */
  playbookDir?: string;
  /** host_pattern_mismatch: what happens when a pattern matches nothing. */
  hostPatternMismatch?: PatternMismatch;
  /** inventory_ignore_extensions (Ansible's default when unset). */
  ignoreExtensions?: readonly string[];
  /** inventory_ignore_patterns. */
  ignorePatterns?: readonly string[];
  /** How long an inventory script may run. */
  scriptTimeoutMs?: number;
  /** inventory_any_unparsed_is_failed: a source that cannot be read is an error. */
  anyUnparsedIsFailed?: boolean;
  /** inventory_unparsed_is_failed: no readable source at all is an error. */
  unparsedIsFailed?: boolean;
  /** inventory_unparsed_warning: warn when no source could be read. */
  unparsedWarning?: boolean;
  /** Decrypts vaulted inventory files and group_vars/host_vars files. */
  vault?: Vault;
}

export const DEFAULT_INVENTORY = '/etc/ansible/hosts';

/** Resolves a path source the way Ansible's unfrackpath does, without following links. */
export function resolveSource(source: string, cwd: string): string {
  if (source.includes(',')) {
    const asPath = resolve(cwd, source);
    // A host list stays as written unless a file of that name exists.
    return pathExists(asPath) ? asPath : source;
  }
  const expanded = source === '~' ? homedir() : source.startsWith('~/') ? `${homedir()}${source.slice(1)}` : source;
  return isAbsolute(expanded) ? resolve(expanded) : resolve(cwd, expanded);
}

/**
 * Loads every source into one inventory, in order, as ansible-inventory
 * does; then places top-level groups under 'all' and lone hosts under
 * 'ungrouped'. Missing sources warn (as Ansible does); broken ones throw a
 * TsibleError naming file:line:col.
 */
export async function loadInventory(options: LoadInventoryOptions): Promise<Inventory> {
  const events = new Emitter(options.sink);
  const warned = new Set<string>();
  const warnOnce = (code: string, message: string): void => {
    if (warned.has(message)) return;
    warned.add(message);
    events.warn(code, message);
  };
  const data = new InventoryData(events);
  const sources = options.sources.map((s) => resolveSource(s, options.cwd));
  const readOptions = {
    ignoreExtensions: options.ignoreExtensions ?? DEFAULT_IGNORE_EXTENSIONS,
    ignorePatterns: options.ignorePatterns ?? [],
    scriptTimeoutMs: options.scriptTimeoutMs ?? 60_000,
    vault: options.vault,
  };
  let parsed = false;
  for (const source of sources) {
    if (!source) continue;
    const ok = await readSource(source, { data, events, warnOnce }, readOptions);
    if (ok) parsed = true;
    else if (source !== DEFAULT_INVENTORY || pathExists(source)) {
      if (options.anyUnparsedIsFailed) throw new InventoryError(`Completely failed to parse inventory source ${source}`, 'TSIBLE_INVENTORY_UNPARSED');
      warnOnce('inventory.unparsed', `Unable to parse ${source} as an inventory source`);
    }
  }
  if (parsed) data.reconcile();
  else if (options.unparsedIsFailed) throw new InventoryError('No inventory was parsed, please check your configuration and options.', 'TSIBLE_INVENTORY_UNPARSED');
  else if (options.unparsedWarning ?? true) warnOnce('inventory.none', 'No inventory was parsed, only implicit localhost is available');
  const playbookDir = options.playbookDir === undefined ? undefined : resolve(options.cwd, options.playbookDir);
  const inventory = new Inventory(data, {
    sources,
    playbookDir,
    hostPatternMismatch: options.hostPatternMismatch ?? 'warning',
    cwd: options.cwd,
    sink: options.sink,
  });
  await inventory.preloadVarsFiles(playbookDir === undefined ? [] : [playbookDir], options.vault);
  return inventory;
}
