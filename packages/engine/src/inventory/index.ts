// The inventory area's public surface.
export { loadInventory, resolveSource, DEFAULT_INVENTORY, type LoadInventoryOptions } from './load.js';
export { Inventory, INTERNAL_VARS, sortGroups, type InventoryOptions } from './inventory.js';
export { Host } from './model/host.js';
export { Group } from './model/group.js';
export { InventoryError } from './errors.js';
export type { PatternMismatch } from './patterns/select.js';
export { splitHostPattern } from './patterns/split.js';
export { inventoryOptionsFromConfig } from './from-config.js';
export { selectTargets, type TargetOptions } from './targets.js';
