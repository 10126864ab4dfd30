import { Emitter, type EventSink } from '../output/events.js';
import type { Group } from './model/group.js';
import { Host } from './model/host.js';
import { LOCALHOST_NAMES, type InventoryData } from './model/inventory-data.js';
import { isIpAddress } from './parse/address.js';
import { HostSelector, type PatternMismatch } from './patterns/select.js';
import { InventoryError } from './errors.js';
import { Vault } from '../vault/index.js';
import { VarsFiles, type VarsEntity } from './vars/vars-plugins.js';

export interface InventoryOptions {
  /** Inventory sources as parsed (absolute paths, or host lists). */
  sources: readonly string[];
  /** Adds group_vars/host_vars next to the playbook; see hostVars for the order. */
  playbookDir?: string | undefined;
  hostPatternMismatch?: PatternMismatch;
  cwd: string;
  sink: EventSink;
}

/** Variables Ansible computes itself and never shows as inventory variables. */
export const INTERNAL_VARS: ReadonlySet<string> = new Set([
  'ansible_diff_mode', 'ansible_config_file', 'ansible_facts', 'ansible_forks', 'ansible_inventory_sources',
  'ansible_limit', 'ansible_playbook_python', 'ansible_run_tags', 'ansible_skip_tags', 'ansible_verbosity',
  'ansible_version', 'inventory_dir', 'inventory_file', 'inventory_hostname', 'inventory_hostname_short',
  'groups', 'group_names', 'omit', 'playbook_dir',
]);

/** Group variable order: shallow groups first, then lower priority, then name. */
export function sortGroups(groups: readonly Group[]): Group[] {
  return [...groups].sort((a, b) => a.depth - b.depth || a.priority - b.priority || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * A loaded inventory: hosts, groups, host selection by pattern and each
 * host's variables merged with Ansible's precedence.
 */
export class Inventory {
  private readonly selector: HostSelector;
  private readonly varsFiles: VarsFiles;
  private readonly events: Emitter;
  private readonly sourceDirs: string[];
  private readonly warned = new Set<string>();

  constructor(
    private readonly data: InventoryData,
    private readonly options: InventoryOptions,
  ) {
    this.events = new Emitter(options.sink);
    this.varsFiles = new VarsFiles(options.sink);
    this.sourceDirs = VarsFiles.basedirsOfSources(options.sources);
    this.selector = new HostSelector(
      {
        groupNames: () => this.data.groups.keys(),
        hostNames: () => this.data.hosts.keys(),
        hostsOfGroup: (name) => this.data.groups.get(name)?.allHosts() ?? [],
        lookupHost: (name) => this.host(name),
        hasHost: (name) => this.data.hosts.has(name),
        warn: (code, message) => this.warnOnce(code, message),
      },
      options.hostPatternMismatch ?? 'warning',
      options.cwd,
    );
  }

  get sources(): readonly string[] {
    return this.options.sources;
  }

  get playbookDir(): string | undefined {
    return this.options.playbookDir;
  }

  /** A host by name; the localhost names give the implicit localhost when not in the inventory. */
  host(name: string): Host | undefined {
    const found = this.data.hosts.get(name);
    if (found || !LOCALHOST_NAMES.includes(name)) return found;
    if (!this.data.localhost) {
      const local = new Host(name);
      local.implicit = true;
      local.setVariable('ansible_connection', 'local');
      this.data.localhost = local;
    }
    return this.data.localhost;
  }

  group(name: string): Group | undefined {
    return this.data.groups.get(name);
  }

  groups(): Group[] {
    return [...this.data.groups.values()];
  }

  /** Every host of the inventory, in the order the 'all' pattern yields them. */
  allHosts(): Host[] {
    return (this.data.groups.get('all') as Group).allHosts();
  }

  /** True when no source defined a host (only the implicit localhost is available). */
  isEmpty(): boolean {
    return this.allHosts().length === 0;
  }

  selectHosts(pattern: string | readonly string[], options: { limit?: string | readonly string[] | undefined } = {}): Host[] {
    return this.selector.select(pattern, options.limit);
  }

  /** Magic var group_names: the host's groups, sorted, without 'all'. */
  groupNames(name: string): string[] {
    const h = this.host(name);
    if (!h) return [];
    return h.groups.map((g) => g.name).filter((n) => n !== 'all').sort();
  }

  /** Magic var groups: every group with all its hosts. */
  groupsMap(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const [name, g] of this.data.groups) out[name] = g.allHosts().map((h) => h.name);
    return out;
  }

  /**
   * A host's variables with Ansible's precedence, lowest first: the 'all'
   * group from inventory files, other groups from inventory files (by depth,
   * priority, name), group_vars/all next to the inventory then the playbook,
   * group_vars/<group> next to the inventory then the playbook, the host's
   * own inventory vars, host_vars next to the inventory, then the playbook.
   * Includes inventory_file, inventory_dir, inventory_hostname,
   * inventory_hostname_short and group_names as Ansible does.
   */
  hostVars(name: string, options: { playbookDir?: string | undefined } = {}): Record<string, unknown> {
    const host = this.host(name);
    if (!host) return {};
    const playDirs = playDirsOf(options.playbookDir ?? this.options.playbookDir);
    const all = this.data.groups.get('all') as Group;
    const hostGroups = sortGroups(host.groups.filter((g) => g.name !== 'all'));
    const allEntity: VarsEntity[] = [{ kind: 'group', name: 'all' }];
    const groupEntities: VarsEntity[] = hostGroups.map((g) => ({ kind: 'group', name: g.name }));
    const hostEntity: VarsEntity[] = [{ kind: 'host', name: host.name }];
    let vars: Record<string, unknown> = { ...all.vars };
    for (const g of hostGroups) vars = { ...vars, ...g.vars };
    vars = { ...vars, ...this.varsFiles.fromPaths(this.sourceDirs, allEntity) };
    vars = { ...vars, ...this.varsFiles.fromPaths(playDirs, allEntity) };
    vars = { ...vars, ...this.varsFiles.fromPaths(this.sourceDirs, groupEntities) };
    vars = { ...vars, ...this.varsFiles.fromPaths(playDirs, groupEntities) };
    vars = { ...vars, ...host.vars, ...magicVars(host) };
    vars = { ...vars, ...this.varsFiles.fromPaths(this.sourceDirs, hostEntity) };
    vars = { ...vars, ...this.varsFiles.fromPaths(playDirs, hostEntity) };
    return vars;
  }

  /** A host's own variables plus its host_vars files (ansible-inventory --export). */
  hostOwnVars(name: string, options: { playbookDir?: string | undefined } = {}): Record<string, unknown> {
    const host = this.host(name);
    if (!host) return {};
    const entity: VarsEntity[] = [{ kind: 'host', name: host.name }];
    return {
      ...host.vars,
      ...magicVars(host),
      ...this.varsFiles.fromPaths(this.sourceDirs, entity),
      ...this.varsFiles.fromPaths(playDirsOf(options.playbookDir), entity),
    };
  }

  /** A group's own variables plus its group_vars files (ansible-inventory --export and --graph --vars). */
  groupOwnVars(name: string, options: { playbookDir?: string | undefined } = {}): Record<string, unknown> {
    const group = this.data.groups.get(name);
    if (!group) return {};
    const entity: VarsEntity[] = [{ kind: 'group', name: group.name }];
    const vars: Record<string, unknown> = {
      ...group.vars,
      ...this.varsFiles.fromPaths(this.sourceDirs, entity),
      ...this.varsFiles.fromPaths(playDirsOf(options.playbookDir), entity),
    };
    if (group.priority !== 1) vars['ansible_group_priority'] = group.priority;
    return vars;
  }

  /**
   * Reads every group_vars/host_vars file the inventory's groups and hosts
   * can use, next to the sources and in `dirs`, decrypting vaulted files
   * with `vault`. Afterwards hostVars() needs no file I/O.
   */
  async preloadVarsFiles(dirs: readonly string[], vault: Vault = new Vault()): Promise<void> {
    const entities: VarsEntity[] = [
      ...[...this.data.groups.keys()].map((name) => ({ kind: 'group' as const, name })),
      ...[...this.data.hosts.keys()].map((name) => ({ kind: 'host' as const, name })),
    ];
    await this.varsFiles.preload([...this.sourceDirs, ...dirs], entities, vault);
  }

  /**
   * add_host: creates the host when new (in 'all', like Ansible), merges
   * `vars` into its own variables and adds it to `groups` (created when
   * missing). Returns whether anything changed.
   */
  addDynamicHost(name: string, options: { groups?: readonly string[]; vars?: Record<string, unknown> } = {}): boolean {
    let changed = false;
    if (!this.data.hosts.has(name)) {
      this.data.addHost(name, 'all');
      changed = true;
    }
    const host = this.data.hosts.get(name) as Host;
    for (const [k, v] of Object.entries(options.vars ?? {})) {
      if (host.vars[k] !== v) changed = true;
      host.setVariable(k, v);
    }
    for (const groupName of options.groups ?? []) {
      if (!this.data.groups.has(groupName)) {
        this.data.addGroup(groupName);
        changed = true;
      }
      if ((this.data.groups.get(groupName) as Group).addHost(host)) changed = true;
    }
    if (changed) this.changed();
    return changed;
  }

  /**
   * group_by: puts the host into `group` (created when missing), optionally
   * under `parents`. Returns whether anything changed.
   */
  addDynamicGroup(hostName: string, group: string, parents: readonly string[] = []): boolean {
    const host = this.data.hosts.get(hostName) ?? (this.data.localhost?.name === hostName ? this.data.localhost : undefined);
    if (!host) throw new InventoryError(`${hostName} cannot be matched in inventory`, 'TSIBLE_INVENTORY_HOST');
    let changed = false;
    this.data.addGroup(group);
    for (const parent of parents) {
      if (!this.data.groups.has(parent)) {
        this.data.addGroup(parent);
        changed = true;
      }
    }
    const target = this.data.groups.get(group) as Group;
    for (const parent of parents) if ((this.data.groups.get(parent) as Group).addChildGroup(target)) changed = true;
    if (!target.allHosts().includes(host) && target.addHost(host)) changed = true;
    if (host.addGroup(target)) changed = true;
    if (changed) this.changed();
    return changed;
  }

  private changed(): void {
    this.data.reconcile();
    this.selector.clearCache();
  }

  private warnOnce(code: string, message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.events.warn(code, message);
  }
}

function playDirsOf(dir: string | undefined): string[] {
  return dir === undefined ? [] : [dir];
}

function magicVars(host: Host): Record<string, unknown> {
  const short = isIpAddress(host.name) ? host.name : (host.name.split('.')[0] as string);
  return {
    inventory_hostname: host.name,
    inventory_hostname_short: short,
    group_names: host.groups.map((g) => g.name).filter((n) => n !== 'all').sort(),
  };
}
