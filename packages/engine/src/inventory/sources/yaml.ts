import type { SourceLocation } from '../../errors/source-location.js';
import { TsibleError } from '../../errors/tsible-error.js';
import { locationOf, parseJsonOrYaml } from '../../loader/yaml.js';
import { locate as withLocation, syntaxError } from '../errors.js';
import { HostRangeError } from '../parse/host-range.js';
import { expandHostPattern } from '../parse/host-pattern.js';
import type { SourceContext } from './source-context.js';

export class NotYamlInventory extends Error {
  constructor(
    message: string,
    readonly location: SourceLocation,
    /** True when the text is YAML but not shaped like an inventory. */
    readonly parsedAsYaml: boolean,
  ) {
    super(message);
  }
}

type Mapping = Record<string, unknown>;

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/** Python's type() names, for Ansible's messages about the wrong kind of value. */
export function pythonTypeName(value: unknown): string {
  if (value === null || value === undefined) return "<class 'NoneType'>";
  if (isMapping(value)) return "<class 'ansible.parsing.yaml.objects.AnsibleMapping'>";
  if (Array.isArray(value)) return "<class 'ansible.parsing.yaml.objects.AnsibleSequence'>";
  if (typeof value === 'string') return "<class 'ansible.parsing.yaml.objects.AnsibleUnicode'>";
  if (typeof value === 'boolean') return "<class 'bool'>";
  if (typeof value === 'number') return Number.isInteger(value) ? "<class 'int'>" : "<class 'float'>";
  return `<class '${typeof value}'>`;
}

/**
 * Ansible's YAML inventory format: groups with `hosts`, `children` and
 * `vars`, at any depth, hosts as keys (ranges allowed). The text is read as
 * Ansible's loader reads it (JSON first, then YAML 1.1). Throws
 * NotYamlInventory when the text is not a YAML inventory at all, so the
 * caller can try the next format.
 */
export function parseYamlInventory(text: string, ctx: SourceContext): void {
  const start: SourceLocation = { file: ctx.file, line: 1, column: 1 };
  let data: unknown;
  try {
    data = parseJsonOrYaml(text, ctx.file, { sink: { emit: (e) => ctx.warnOnce(e.code, e.message) } });
  } catch (err) {
    if (err instanceof TsibleError) throw new NotYamlInventory(err.message, err.location ?? start, false);
    throw err;
  }
  if (data === null || data === undefined || data === '' || (isMapping(data) && Object.keys(data).length === 0)) {
    throw new NotYamlInventory('Parsed empty YAML file', start, false);
  }
  if (!isMapping(data)) {
    throw new NotYamlInventory(`YAML inventory has invalid structure, it should be a dictionary, got: ${pythonTypeName(data)}`, start, Array.isArray(data));
  }
  if (data['plugin']) {
    throw syntaxError(`inventory plugin '${String(data['plugin'])}' is not supported`, locationOf(data, 'plugin') ?? start, 'tsible reads INI, YAML, directory, host list and executable script inventories');
  }
  const reader = new YamlGroupReader(ctx, start);
  for (const [name, groupData] of Object.entries(data)) reader.group(name, groupData);
}

class YamlGroupReader {
  constructor(
    private readonly ctx: SourceContext,
    private readonly start: SourceLocation,
  ) {}

  group(name: string, groupData: unknown): string {
    if (!(groupData === null || groupData === undefined || isMapping(groupData))) {
      this.ctx.warnOnce('inventory.yaml_group', `Skipping '${name}' as this is not a valid group definition`);
      return name;
    }
    const { data } = this.ctx;
    data.addGroup(name);
    if (!groupData) return name;
    for (const section of ['vars', 'children', 'hosts']) {
      if (!(section in groupData)) continue;
      const v = groupData[section];
      // A single name may stand for a mapping with one key.
      if (typeof v === 'string') groupData[section] = { [v]: null };
      else if (!(v === null || v === undefined || isMapping(v))) {
        throw syntaxError(
          `Invalid "${section}" entry for "${name}" group, requires a dictionary, found "${pythonTypeName(v)}" instead.`,
          (typeof v === 'object' && v !== null ? locationOf(v) : undefined) ?? this.at(groupData, section),
          `write ${section} as a mapping: one name per key`,
        );
      }
    }
    for (const [key, value] of Object.entries(groupData)) {
      if (!(value === null || value === undefined || isMapping(value))) {
        this.ctx.warnOnce('inventory.yaml_key', `Skipping key (${key}) in group (${name}) as it is not a mapping, it is a ${pythonTypeName(value)}`);
        continue;
      }
      if (value === null || value === undefined) continue;
      if (key === 'vars') {
        for (const [k, v] of Object.entries(value)) data.setVariable(name, k, v);
      } else if (key === 'children') {
        for (const [child, childData] of Object.entries(value)) {
          const childName = this.group(child, childData);
          try {
            data.addChild(name, childName);
          } catch (err) {
            throw withLocation(err, this.at(value, child));
          }
        }
      } else if (key === 'hosts') {
        for (const [hostPattern, hostVars] of Object.entries(value)) this.host(name, hostPattern, hostVars, value);
      } else {
        this.ctx.warnOnce('inventory.yaml_key', `Skipping unexpected key (${key}) in group (${name}), only "vars", "children" and "hosts" are valid`);
      }
    }
    return name;
  }

  private host(group: string, pattern: string, hostVars: unknown, hosts: Mapping): void {
    let expanded;
    try {
      expanded = expandHostPattern(pattern);
    } catch (err) {
      if (err instanceof HostRangeError) throw syntaxError(err.message, this.at(hosts, pattern), 'ranges look like web[01:12], db-[a:f] or node[0:20:5]');
      throw err;
    }
    const vars = hostVars ?? {};
    if (!isMapping(vars)) {
      throw syntaxError(`Invalid data from file, expected dictionary and got:\n\n${String(vars)}`, this.at(hosts, pattern), 'host variables must be a mapping');
    }
    const pairs = Object.entries(vars);
    for (const hostName of expanded.names) {
      this.ctx.data.addHost(hostName, group, expanded.port);
      for (const [k, v] of pairs) this.ctx.data.setVariable(hostName, k, v);
    }
  }

  private at(node: Mapping, key: string): SourceLocation {
    return locationOf(node, key) ?? locationOf(node) ?? this.start;
  }
}
