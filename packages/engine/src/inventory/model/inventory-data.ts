import { InventoryError } from '../errors.js';
import type { Emitter } from '../../output/events.js';
import { Group } from './group.js';
import { Host } from './host.js';

/** Names Ansible treats as this machine. */
export const LOCALHOST_NAMES: readonly string[] = ['127.0.0.1', 'localhost', '::1'];

/**
 * The mutable inventory that source parsers fill in: groups and hosts in
 * insertion order, with Ansible's rules for adding them, and the final
 * reconcile step (top groups under 'all', lone hosts under 'ungrouped').
 */
export class InventoryData {
  readonly groups = new Map<string, Group>();
  readonly hosts = new Map<string, Host>();
  /** The source being parsed: new hosts record it as inventory_file. */
  currentSource: string | undefined;
  /** Its directory (inventory_dir); null for host lists. */
  currentSourceDir: string | null = null;
  localhost: Host | undefined;
  /** Set while a vaulted source is read: each variable value it sets is a secret. */
  secretValues: ((key: string, value: unknown) => void) | undefined;

  constructor(private readonly events: Emitter) {
    this.addGroup('all');
    this.addGroup('ungrouped');
    this.addChild('all', 'ungrouped');
  }

  addGroup(name: string): string {
    if (!name) throw new InventoryError(`Invalid empty/false group name provided: ${name}`, 'TSIBLE_INVENTORY_GROUP');
    if (!this.groups.has(name)) this.groups.set(name, new Group(name));
    return name;
  }

  addHost(name: string, group?: string, port?: number): string {
    if (!name) throw new InventoryError(`Invalid empty host name provided: ${name}`, 'TSIBLE_INVENTORY_HOST');
    let g: Group | undefined;
    if (group) {
      g = this.groups.get(group);
      if (!g) throw new InventoryError(`Could not find group ${group} in inventory`, 'TSIBLE_INVENTORY_GROUP');
    }
    let h = this.hosts.get(name);
    if (!h) {
      h = new Host(name, port);
      this.hosts.set(name, h);
      const source = this.currentSource;
      h.setVariable('inventory_file', source ?? null);
      h.setVariable('inventory_dir', this.currentSourceDir);
      if (LOCALHOST_NAMES.includes(name)) {
        if (this.localhost === undefined) this.localhost = h;
        else this.events.warn('inventory.duplicate_localhost', `A duplicate localhost-like entry was found (${name}). First found localhost was ${this.localhost.name}`);
      }
    }
    if (g) g.addHost(h);
    return name;
  }

  addChild(group: string, child: string): boolean {
    const g = this.groups.get(group);
    if (!g) throw new InventoryError(`${group} is not a known group`, 'TSIBLE_INVENTORY_GROUP');
    const childGroup = this.groups.get(child);
    if (childGroup) return g.addChildGroup(childGroup);
    const childHost = this.hosts.get(child);
    if (childHost) return g.addHost(childHost);
    throw new InventoryError(`${child} is not a known host nor group`, 'TSIBLE_INVENTORY_GROUP');
  }

  setVariable(entity: string, key: string, value: unknown): void {
    this.secretValues?.(key, value);
    const g = this.groups.get(entity);
    if (g) return g.setVariable(key, value);
    const h = this.hosts.get(entity);
    if (h) return h.setVariable(key, value);
    throw new InventoryError(`Could not identify group or host named ${entity}`, 'TSIBLE_INVENTORY_GROUP');
  }

  /** Ansible's reconcile_inventory, run once after all sources are parsed. */
  reconcile(): void {
    this.currentSource = undefined;
    this.currentSourceDir = null;
    const all = this.groups.get('all') as Group;
    const ungrouped = this.groups.get('ungrouped') as Group;
    for (const group of this.groups.values()) {
      if (group.name !== 'all' && group.ancestors().size === 0) this.addChild('all', group.name);
    }
    for (const host of this.hosts.values()) {
      const mine = host.groups;
      if (mine.includes(ungrouped)) {
        if (mine.some((g) => g !== all && g !== ungrouped)) ungrouped.removeHost(host);
      } else if (!host.implicit) {
        if (mine.length === 0 || (mine.length === 1 && mine[0] === all)) this.addChild('ungrouped', host.name);
      }
    }
    for (const name of this.groups.keys()) {
      if (this.hosts.has(name)) this.events.warn('inventory.name_conflict', `Found both group and host with same name: ${name}`);
    }
  }
}
