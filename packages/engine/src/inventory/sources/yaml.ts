import { LineCounter, parseDocument, type Document } from 'yaml';
import type { SourceLocation } from '../../errors/source-location.js';
import { locate as withLocation, syntaxError } from '../errors.js';
import { HostRangeError } from '../parse/host-range.js';
import { expandHostPattern } from '../parse/host-pattern.js';
import { isMapping, pythonTypeName, toPlain } from '../parse/yaml-value.js';
import { findRecursiveAlias, MAX_ALIAS_COUNT } from '../parse/yaml-guard.js';
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

/**
 * Ansible's YAML inventory format: groups with `hosts`, `children` and
 * `vars`, at any depth, hosts as keys (ranges allowed), YAML 1.1 values.
 * Throws NotYamlInventory when the text is not a YAML inventory at all, so
 * the caller can try the next format.
 */
export function parseYamlInventory(text: string, ctx: SourceContext): void {
  const lines = new LineCounter();
  const doc = parseDocument(text, { version: '1.1', merge: true, uniqueKeys: false, prettyErrors: false, lineCounter: lines });
  const err = doc.errors[0];
  if (err) {
    const pos = lines.linePos(err.pos[0]);
    throw new NotYamlInventory(`Syntax Error while loading YAML: ${firstLine(err.message)}`, { file: ctx.file, line: pos.line, column: pos.col }, false);
  }
  const start: SourceLocation = { file: ctx.file, line: 1, column: 1 };
  const loop = findRecursiveAlias(doc, lines);
  if (loop) throw syntaxError(`recursive alias *${loop.name} inside its own anchor`, { file: ctx.file, line: loop.line, column: loop.column });
  let data: unknown;
  try {
    data = doc.toJS({ mapAsMap: true, maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    throw new NotYamlInventory(`Syntax Error while loading YAML: ${firstLine((e as Error).message)}`, start, false);
  }
  if (data === null || data === undefined || data === '' || (isMapping(data) && data.size === 0)) {
    throw new NotYamlInventory('Parsed empty YAML file', start, false);
  }
  if (!isMapping(data)) {
    throw new NotYamlInventory(`YAML inventory has invalid structure, it should be a dictionary, got: ${pythonTypeName(data)}`, start, Array.isArray(data));
  }
  if (data.get('plugin')) {
    throw syntaxError(`inventory plugin '${String(data.get('plugin'))}' is not supported`, locate(doc, lines, ctx.file, ['plugin'], true), 'tsible reads INI, YAML, directory, host list and executable script inventories');
  }
  const reader = new YamlGroupReader(doc, lines, ctx);
  for (const [name, groupData] of data) reader.group(name, groupData, [name]);
}

class YamlGroupReader {
  private readonly memo = new Map<object, unknown>();

  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
    private readonly ctx: SourceContext,
  ) {}

  group(rawName: unknown, groupData: unknown, path: unknown[]): string {
    const name = String(rawName);
    if (!(groupData === null || groupData === undefined || isMapping(groupData))) {
      this.ctx.warnOnce('inventory.yaml_group', `Skipping '${name}' as this is not a valid group definition`);
      return name;
    }
    const { data } = this.ctx;
    data.addGroup(name);
    if (!groupData) return name;
    for (const section of ['vars', 'children', 'hosts']) {
      if (!groupData.has(section)) continue;
      const v = groupData.get(section);
      if (typeof v === 'string') groupData.set(section, new Map([[v, null]]));
      else if (!(v === null || v === undefined || isMapping(v))) {
        throw syntaxError(
          `Invalid "${section}" entry for "${name}" group, requires a dictionary, found "${pythonTypeName(v)}" instead.`,
          this.at([...path, section]),
          `write ${section} as a mapping: one name per key`,
        );
      }
    }
    for (const [key, value] of groupData) {
      if (!(value === null || value === undefined || isMapping(value))) {
        this.ctx.warnOnce('inventory.yaml_key', `Skipping key (${String(key)}) in group (${name}) as it is not a mapping, it is a ${pythonTypeName(value)}`);
        continue;
      }
      if (value === null || value === undefined) continue;
      if (key === 'vars') {
        for (const [k, v] of value) data.setVariable(name, String(k), toPlain(v, this.memo));
      } else if (key === 'children') {
        for (const [child, childData] of value) {
          const childPath = [...path, 'children', child];
          const childName = this.group(child, childData, childPath);
          try {
            data.addChild(name, childName);
          } catch (err) {
            throw withLocation(err, this.at(childPath, true));
          }
        }
      } else if (key === 'hosts') {
        for (const [hostPattern, hostVars] of value) this.host(name, hostPattern, hostVars, [...path, 'hosts', hostPattern]);
      } else {
        this.ctx.warnOnce('inventory.yaml_key', `Skipping unexpected key (${String(key)}) in group (${name}), only "vars", "children" and "hosts" are valid`);
      }
    }
    return name;
  }

  private host(group: string, pattern: unknown, hostVars: unknown, path: unknown[]): void {
    if (typeof pattern !== 'string') {
      throw syntaxError(`Host pattern ${String(pattern)} must be a string. Enclose integers/floats in quotation marks.`, this.at(path, true), `write it as "${String(pattern)}"`);
    }
    let expanded;
    try {
      expanded = expandHostPattern(pattern);
    } catch (err) {
      if (err instanceof HostRangeError) throw syntaxError(err.message, this.at(path, true), 'ranges look like web[01:12], db-[a:f] or node[0:20:5]');
      throw err;
    }
    const vars = hostVars ?? new Map();
    if (!isMapping(vars)) {
      throw syntaxError(`Invalid data from file, expected dictionary and got:\n\n${String(toPlain(vars))}`, this.at(path), 'host variables must be a mapping');
    }
    const plain = [...vars].map(([k, v]) => [String(k), toPlain(v, this.memo)] as const);
    for (const hostName of expanded.names) {
      this.ctx.data.addHost(hostName, group, expanded.port);
      for (const [k, v] of plain) this.ctx.data.setVariable(hostName, k, v);
    }
  }

  private at(path: unknown[], key = false): SourceLocation {
    return locate(this.doc, this.lines, this.ctx.file, path, key);
  }
}

/** Line and column of the node at `path` (or of its key), falling back to the nearest parent found. */
function locate(doc: Document, lines: LineCounter, file: string, path: unknown[], key = false): SourceLocation {
  for (let n = path.length; n > 0; n--) {
    const parentPath = path.slice(0, n - 1);
    const parent = doc.getIn(parentPath, true) as { items?: Array<{ key: unknown; value: unknown }> } | undefined;
    const last = path[n - 1];
    const pair = parent?.items?.find((item) => {
      const k = item.key as { value?: unknown } | null;
      return k !== null && typeof k === 'object' && k.value === last;
    });
    const node = (key || !pair?.value ? pair?.key : pair?.value) as { range?: [number, number, number] } | undefined;
    if (node?.range) {
      const pos = lines.linePos(node.range[0]);
      return { file, line: pos.line, column: pos.col };
    }
  }
  return { file, line: 1, column: 1 };
}


/** The yaml library appends a source excerpt to its messages; the location says it already. */
export function firstLine(message: string): string {
  return (message.split('\n')[0] as string).replace(/ at line \d+, column \d+:?$/, '');
}
