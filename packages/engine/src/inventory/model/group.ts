import { InventoryError } from '../errors.js';
import type { Host } from './host.js';

/**
 * One inventory group: its own vars and hosts, child and parent groups, a
 * depth (longest path from 'all') and a priority, both used to order group
 * variables.
 */
export class Group {
  vars: Record<string, unknown> = {};
  readonly hosts: Host[] = [];
  readonly children: Group[] = [];
  readonly parents: Group[] = [];
  depth = 0;
  priority = 1;
  private readonly hostNames = new Set<string>();
  private hostsCache: Host[] | undefined;

  constructor(readonly name: string) {}

  hasHost(name: string): boolean {
    return this.hostNames.has(name);
  }

  ancestors(): Set<Group> {
    return walk(this, 'parents');
  }

  /** Breadth-first list of descendants, self first: the order Ansible lists a group's hosts in. */
  descendantsInOrder(): Group[] {
    const ordered: Group[] = [this, ...this.children];
    const seen = new Set<Group>(ordered);
    let level: Group[] = [...this.children];
    while (level.length > 0) {
      const next: Group[] = [];
      for (const g of level) {
        for (const child of g.children) {
          if (!seen.has(child)) {
            seen.add(child);
            ordered.push(child);
            next.push(child);
          }
        }
      }
      level = next;
    }
    return ordered;
  }

  addChildGroup(child: Group): boolean {
    if (child === this) throw new InventoryError(`can't add group to itself`, 'TSIBLE_INVENTORY_LOOP');
    if (this.children.includes(child)) return false;
    const startAncestors = child.ancestors();
    const newAncestors = this.ancestors();
    if (newAncestors.has(child)) {
      throw new InventoryError(`Adding group '${child.name}' as child to '${this.name}' creates a recursive dependency loop.`, 'TSIBLE_INVENTORY_LOOP');
    }
    newAncestors.add(this);
    for (const g of startAncestors) newAncestors.delete(g);
    this.children.push(child);
    child.depth = Math.max(this.depth + 1, child.depth);
    child.deepenChildren();
    if (!child.parents.some((p) => p.name === this.name)) {
      child.parents.push(this);
      for (const h of child.allHosts()) h.addAncestors(newAncestors);
    }
    this.clearHostsCache();
    return true;
  }

  private deepenChildren(): void {
    let depth = this.depth;
    const start = depth;
    const seen = new Set<Group>();
    let unprocessed = new Set<Group>(this.children);
    while (unprocessed.size > 0) {
      for (const g of unprocessed) seen.add(g);
      depth += 1;
      const next = new Set<Group>();
      for (const g of unprocessed) {
        if (g.depth < depth) {
          g.depth = depth;
          for (const c of g.children) next.add(c);
        }
      }
      unprocessed = next;
      if (depth - start > seen.size) {
        throw new InventoryError(`The group named '${this.name}' has a recursive dependency loop.`, 'TSIBLE_INVENTORY_LOOP');
      }
    }
  }

  addHost(host: Host): boolean {
    if (this.hostNames.has(host.name)) return false;
    this.hosts.push(host);
    this.hostNames.add(host.name);
    host.addGroup(this);
    this.clearHostsCache();
    return true;
  }

  removeHost(host: Host): boolean {
    if (!this.hostNames.has(host.name)) return false;
    this.hosts.splice(this.hosts.indexOf(host), 1);
    this.hostNames.delete(host.name);
    host.removeGroup(this);
    this.clearHostsCache();
    return true;
  }

  setVariable(key: string, value: unknown): void {
    if (key === 'ansible_group_priority') {
      const n = typeof value === 'number' ? value : Number.parseInt(String(value), 10);
      if (!Number.isNaN(n)) this.priority = Math.trunc(n);
      return;
    }
    this.vars[key] = value;
  }

  /** Every host in this group or any descendant, each once ('all' leaves out the implicit localhost). */
  allHosts(): Host[] {
    if (this.hostsCache) return this.hostsCache;
    const seen = new Set<Host>();
    const out: Host[] = [];
    for (const g of this.descendantsInOrder()) {
      for (const h of g.hosts) {
        if (seen.has(h)) continue;
        seen.add(h);
        if (this.name === 'all' && h.implicit) continue;
        out.push(h);
      }
    }
    this.hostsCache = out;
    return out;
  }

  clearHostsCache(): void {
    this.hostsCache = undefined;
    for (const g of this.ancestors()) g.hostsCache = undefined;
  }
}

function walk(start: Group, rel: 'parents' | 'children'): Set<Group> {
  const seen = new Set<Group>();
  let unprocessed: Group[] = [...start[rel]];
  while (unprocessed.length > 0) {
    const next: Group[] = [];
    for (const g of unprocessed) {
      if (seen.has(g)) continue;
      seen.add(g);
      for (const r of g[rel]) if (!seen.has(r)) next.push(r);
    }
    unprocessed = next;
  }
  return seen;
}
