import type { Group } from './group.js';

/**
 * One inventory host. `groups` holds every group the host belongs to,
 * directly or through a parent, in the order Ansible records them.
 */
export class Host {
  readonly vars: Record<string, unknown> = {};
  readonly groups: Group[] = [];
  /** The localhost Ansible invents when a pattern names it but the inventory does not. */
  implicit = false;

  constructor(
    readonly name: string,
    port?: number,
  ) {
    if (port) this.vars['ansible_port'] = port;
  }

  get port(): number | undefined {
    const p = this.vars['ansible_port'];
    return typeof p === 'number' ? p : undefined;
  }

  /** Groups that list this host themselves (not through a child group). */
  directGroups(): Group[] {
    return this.groups.filter((g) => g.hasHost(this.name));
  }

  setVariable(key: string, value: unknown): void {
    this.vars[key] = value;
  }

  addGroup(group: Group): boolean {
    for (const ancestor of group.ancestors()) if (!this.groups.includes(ancestor)) this.groups.push(ancestor);
    if (this.groups.includes(group)) return false;
    this.groups.push(group);
    return true;
  }

  addAncestors(additions: Iterable<Group>): void {
    for (const g of additions) if (!this.groups.includes(g)) this.groups.push(g);
  }

  removeGroup(group: Group): boolean {
    const i = this.groups.indexOf(group);
    if (i < 0) return false;
    this.groups.splice(i, 1);
    // Drop ancestors no remaining group leads to, except 'all'.
    for (const old of group.ancestors()) {
      if (old.name === 'all') continue;
      if (!this.groups.some((g) => g.ancestors().has(old))) this.removeGroup(old);
    }
    return true;
  }
}
