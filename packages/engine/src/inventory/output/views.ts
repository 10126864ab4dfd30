import { INTERNAL_VARS, type Inventory } from '../inventory.js';
import type { Group } from '../model/group.js';
import type { Host } from '../model/host.js';
import { compareCodePoints } from '../../text/code-point-order.js';

/** Options shared by every ansible-inventory view. */
export interface ViewOptions {
  /** --export: group vars under their groups, host vars without inherited ones. */
  export: boolean;
  /** --playbook-dir, when given. */
  playbookDir?: string | undefined;
  /** The directory Ansible treats as the playbook directory when none is given (the cwd). */
  defaultBasedir: string;
  /** --limit: only these hosts are shown. */
  limit?: string | undefined;
}

function withoutInternal(vars: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(vars)) if (!INTERNAL_VARS.has(k)) out[k] = v;
  return out;
}

export function hostVarsView(inv: Inventory, host: Host, o: ViewOptions): Record<string, unknown> {
  const vars = o.export
    ? inv.hostOwnVars(host.name, { playbookDir: o.playbookDir })
    : inv.hostVars(host.name, { playbookDir: o.playbookDir ?? o.defaultBasedir });
  return withoutInternal(vars);
}

export function groupVarsView(inv: Inventory, group: Group, o: ViewOptions): Record<string, unknown> {
  return withoutInternal(inv.groupOwnVars(group.name, { playbookDir: o.playbookDir }));
}

/** The hosts --limit leaves visible (every host without a limit). */
function visibleHosts(inv: Inventory, o: ViewOptions): Set<Host> | undefined {
  return o.limit === undefined ? undefined : new Set(inv.selectHosts('all', { limit: o.limit }));
}

function removeEmpty(entry: Record<string, unknown>): void {
  for (const k of ['hosts', 'vars', 'children']) {
    const v = entry[k];
    if (v === undefined) continue;
    const empty = Array.isArray(v) ? v.length === 0 : typeof v === 'object' && v !== null && Object.keys(v).length === 0;
    if (empty) delete entry[k];
  }
}

/** ansible-inventory --list (JSON form): groups with hosts and children, then _meta.hostvars. */
export function listView(inv: Inventory, o: ViewOptions): Record<string, unknown> {
  const visible = visibleHosts(inv, o);
  const seen = new Set<string>();
  const results: Record<string, unknown> = {};
  const format = (group: Group): void => {
    const entry: Record<string, unknown> = {};
    results[group.name] = entry;
    if (group.name !== 'all') entry['hosts'] = group.hosts.filter((h) => !visible || visible.has(h)).map((h) => h.name);
    const children: string[] = [];
    entry['children'] = children;
    for (const sub of group.children) {
      children.push(sub.name);
      if (!seen.has(sub.name)) {
        format(sub);
        seen.add(sub.name);
      }
    }
    if (o.export) entry['vars'] = groupVarsView(inv, group, o);
    removeEmpty(entry);
    if (Object.keys(entry).length === 0) delete results[group.name];
  };
  const all = inv.group('all');
  if (all) format(all);
  const hostvars: Record<string, unknown> = {};
  for (const host of inv.selectHosts('all', { limit: o.limit })) {
    const vars = hostVarsView(inv, host, o);
    if (Object.keys(vars).length > 0) hostvars[host.name] = vars;
  }
  results['_meta'] = { hostvars };
  return results;
}

/** ansible-inventory --list --yaml: nested groups, each host's vars at its first appearance. */
export function yamlListView(inv: Inventory, o: ViewOptions): Record<string, unknown> {
  const visible = visibleHosts(inv, o);
  const seen = new Set<string>();
  const format = (group: Group): Record<string, unknown> => {
    const entry: Record<string, unknown> = {};
    const children: Record<string, unknown> = {};
    entry['children'] = children;
    for (const sub of group.children) if (sub.name !== 'all') Object.assign(children, format(sub));
    const hosts: Record<string, unknown> = {};
    entry['hosts'] = hosts;
    if (group.name !== 'all') {
      for (const h of group.hosts) {
        if (visible && !visible.has(h)) continue;
        let vars: Record<string, unknown> = {};
        if (!seen.has(h.name)) {
          seen.add(h.name);
          vars = hostVarsView(inv, h, o);
        }
        hosts[h.name] = vars;
      }
    }
    if (o.export) {
      const gvars = groupVarsView(inv, group, o);
      if (Object.keys(gvars).length > 0) entry['vars'] = gvars;
    }
    removeEmpty(entry);
    return { [group.name]: entry };
  };
  const all = inv.group('all');
  return all ? format(all) : {};
}

function graphName(name: string, depth: number): string {
  return depth ? `${'  |'.repeat(depth)}--${name}` : name;
}

function showVars(vars: Record<string, unknown>, depth: number, render: (v: unknown) => string): string[] {
  return Object.keys(vars)
    .sort(compareCodePoints)
    .map((k) => graphName(`{${k} = ${render(vars[k])}}`, depth));
}

/** ansible-inventory --graph [GROUP] [--vars]. `render` prints a value as Python's str() would. */
export function graphView(inv: Inventory, start: Group, showVarsToo: boolean, o: ViewOptions, render: (v: unknown) => string): string {
  const visible = visibleHosts(inv, o);
  const lines: string[] = [];
  const walk = (group: Group, depth: number): void => {
    lines.push(graphName(`@${group.name}:`, depth));
    const inner = depth + 1;
    for (const kid of group.children) walk(kid, inner);
    if (group.name !== 'all') {
      for (const h of group.hosts) {
        if (visible && !visible.has(h)) continue;
        lines.push(graphName(h.name, inner));
        if (showVarsToo) lines.push(...showVars(hostVarsView(inv, h, o), inner + 1, render));
      }
    }
    if (showVarsToo) lines.push(...showVars(groupVarsView(inv, group, o), inner, render));
  };
  walk(start, 0);
  return lines.join('\n');
}
