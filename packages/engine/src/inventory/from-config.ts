import type { Config } from '../config/config.js';
import type { EventSink } from '../output/events.js';
import type { LoadInventoryOptions } from './load.js';
import type { PatternMismatch } from './patterns/select.js';

/**
 * loadInventory options from the settings: -i sources when given, else
 * DEFAULT_HOST_LIST (ansible.cfg `inventory`, ANSIBLE_INVENTORY), plus
 * host_pattern_mismatch, the ignore lists and the unparsed-source rules.
 */
export function inventoryOptionsFromConfig(
  config: Config,
  base: { sources?: readonly string[] | undefined; cwd: string; sink: EventSink; playbookDir?: string | undefined },
): LoadInventoryOptions {
  const sources = base.sources && base.sources.length > 0 ? [...base.sources] : [...config.get('DEFAULT_HOST_LIST')];
  return {
    sources,
    cwd: base.cwd,
    sink: base.sink,
    ...(base.playbookDir === undefined ? {} : { playbookDir: base.playbookDir }),
    hostPatternMismatch: config.get('HOST_PATTERN_MISMATCH') as PatternMismatch,
    ignoreExtensions: config.get('INVENTORY_IGNORE_EXTS'),
    ignorePatterns: config.get('INVENTORY_IGNORE_PATTERNS'),
    anyUnparsedIsFailed: config.get('INVENTORY_ANY_UNPARSED_IS_FAILED'),
    unparsedIsFailed: config.get('INVENTORY_UNPARSED_IS_FAILED'),
    unparsedWarning: config.get('INVENTORY_UNPARSED_WARNING'),
  };
}
