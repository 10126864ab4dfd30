import type { SourceLocation } from '../../errors/source-location.js';
import { locate, syntaxError } from '../errors.js';
import { HostRangeError } from '../parse/host-range.js';
import { expandHostPattern } from '../parse/host-pattern.js';
import { iniValue } from '../parse/python-literal.js';
import { ShlexError, shlexSplit } from '../../text/shlex.js';
import { checkGroupName } from './group-name.js';
import type { SourceContext } from './source-context.js';

const SECTION = /^\[([^:\]\s]+)(?::([\p{L}\p{N}_]+))?\]\s*(?:#.*)?$/u;
const GROUP_NAME = /^([^:\]\s]+)\s*(?:#.*)?$/;
/** The line breaks Python's str.splitlines() honours. */
const LINE_BREAK = /\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/;

type State = 'hosts' | 'vars' | 'children';

interface Pending {
  line: number;
  column: number;
  state: State;
  name: string;
  parents: string[];
}

/**
 * Ansible's INI inventory format: [group], [group:vars], [group:children],
 * host lines with inline variables typed as Python literals, `#`/`;` comments.
 */
export function parseIniInventory(text: string, ctx: SourceContext): void {
  new IniReader(ctx).read(text);
}

/** Where we are in the file: current section and children named before they are defined. */
class IniReader {
  private readonly pending = new Map<string, Pending>();
  private group = 'ungrouped';
  private state: State = 'hosts';

  constructor(private readonly ctx: SourceContext) {}

  read(text: string): void {
    const lines = text.split(LINE_BREAK);
    for (let i = 0; i < lines.length; i++) {
      const raw = lines[i] as string;
      const line = raw.trim();
      if (!line || line[0] === '#' || line[0] === ';') continue;
      const column = raw.length - raw.trimStart().length + 1;
      const at = (col = column): SourceLocation => ({ file: this.ctx.file, line: i + 1, column: col });
      try {
        this.readLine(line, raw, at);
      } catch (err) {
        throw locate(err, at());
      }
    }
    for (const decl of this.pending.values()) {
      const where = { file: this.ctx.file, line: decl.line, column: decl.column };
      if (decl.state === 'vars') {
        throw syntaxError(`Section [${decl.name}:vars] not valid for undefined group: ${decl.name}`, where, `add a [${decl.name}] section or list it under a [...:children] section`);
      }
      throw syntaxError(`Section [${decl.parents[decl.parents.length - 1]}:children] includes undefined group: ${decl.name}`, where, `define [${decl.name}] with its hosts`);
    }
  }

  private readLine(line: string, raw: string, at: (col?: number) => SourceLocation): void {
    const { data } = this.ctx;
    const here = at();
    const section = SECTION.exec(line);
    if (section) {
      this.section(section[1] as string, section[2] ?? 'hosts', here);
      return;
    }
    if (line.startsWith('[') && line.endsWith(']')) {
      throw syntaxError(
        `Invalid section entry: '${line}'. Please make sure that there are no spaces in the section entry, and that there are no other invalid characters`,
        here,
      );
    }
    if (this.state === 'hosts') parseHostLine(line, raw, this.ctx, this.group, at);
    else if (this.state === 'vars') {
      const eq = line.indexOf('=');
      if (eq < 0) throw syntaxError(`Expected key=value, got: ${line}`, here);
      data.setVariable(this.group, line.slice(0, eq).trim(), iniValue(line.slice(eq + 1).trim()));
    } else {
      const m = GROUP_NAME.exec(line);
      if (!m) throw syntaxError(`Expected group name, got: ${line}`, here);
      const child = m[1] as string;
      if (data.groups.has(child)) data.addChild(this.group, child);
      else {
        const decl = this.pending.get(child);
        if (decl) decl.parents.push(this.group);
        else this.pending.set(child, { line: here.line, column: here.column, state: 'children', name: child, parents: [this.group] });
      }
    }
  }

  private section(name: string, tag: string, here: SourceLocation): void {
    const { data } = this.ctx;
    if (tag !== 'hosts' && tag !== 'children' && tag !== 'vars') {
      throw syntaxError(`Section [${name}:${tag}] has unknown type: ${tag}`, here, 'valid section types are hosts, children and vars');
    }
    const group = checkGroupName(name, this.ctx);
    this.group = group;
    this.state = tag;
    if (!data.groups.has(group)) {
      if (tag === 'vars' && !this.pending.has(group)) this.pending.set(group, { line: here.line, column: here.column, state: tag, name: group, parents: [] });
      data.addGroup(group);
    }
    const decl = this.pending.get(group);
    if (decl && tag !== 'vars') {
      if (decl.state === 'children') this.addPendingChildren(group);
      else this.pending.delete(group);
    }
  }

  private addPendingChildren(group: string): void {
    const decl = this.pending.get(group);
    if (!decl) return;
    for (const parent of decl.parents) {
      this.ctx.data.addChild(parent, group);
      const parentDecl = this.pending.get(parent);
      if (parentDecl && parentDecl.state === 'children') this.addPendingChildren(parent);
    }
    this.pending.delete(group);
  }
}

function parseHostLine(line: string, raw: string, ctx: SourceContext, group: string, at: (col?: number) => SourceLocation): void {
  let tokens: string[];
  try {
    tokens = shlexSplit(line, { comments: true });
  } catch (err) {
    if (err instanceof ShlexError) throw syntaxError(`Error parsing host definition '${line}': ${err.message}`, at());
    throw err;
  }
  const first = tokens[0];
  if (first === undefined) throw syntaxError(`Error parsing host definition '${line}': no host name`, at());
  let expanded;
  try {
    expanded = expandHostPattern(first);
  } catch (err) {
    if (err instanceof HostRangeError) throw syntaxError(err.message, at(), 'ranges look like web[01:12], db-[a:f] or node[0:20:5]');
    throw err;
  }
  if (first.trim().endsWith(':') && expanded.port === undefined) {
    throw syntaxError(`Invalid host pattern '${first}' supplied, ending in ':' is not allowed, this character is reserved to provide a port.`, at());
  }
  if (expanded.names.some((n) => n.trim() === '---')) {
    throw syntaxError(`Invalid host pattern '${first}' supplied, '---' is normally a sign this is a YAML file.`, at());
  }
  const variables: Array<[string, unknown]> = [];
  for (const token of tokens.slice(1)) {
    const eq = token.indexOf('=');
    if (eq < 0) {
      const col = raw.indexOf(token);
      throw syntaxError(`Expected key=value host variable assignment, got: ${token}`, at(col >= 0 ? col + 1 : undefined));
    }
    variables.push([token.slice(0, eq), iniValue(token.slice(eq + 1))]);
  }
  for (const name of expanded.names) {
    ctx.data.addHost(name, group, expanded.port);
    for (const [k, v] of variables) ctx.data.setVariable(name, k, v);
  }
}
