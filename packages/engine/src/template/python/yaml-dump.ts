import { TemplateRuntimeError } from '../jinja/runtime-error.js';
import { PyFloat } from './float.js';
import { floatRepr, isPlainMapping } from './repr.js';
import { isUnsafe } from '../unsafe.js';
import { pythonTypeName } from './type-name.js';

export interface YamlDumpOptions {
  indent?: number;
  /** PyYAML's default_flow_style: null = flow for collections holding only scalars, false = always block. */
  defaultFlowStyle?: boolean | null;
}

// Plain text PyYAML's resolver would read back as something other than a string (YAML 1.1).
const BOOL_OR_NULL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|~|null|Null|NULL|<<|=)$/;
const INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const FLOAT = /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const TIMESTAMP = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?$/;
const BEST_WIDTH = 80;
const DOUBLE_ESCAPES: Record<string, string> = {
  '\0': '0', '\x07': 'a', '\b': 'b', '\t': 't', '\n': 'n', '\v': 'v', '\f': 'f', '\r': 'r', '\x1b': 'e', '"': '"', '\\': '\\',
  '\x85': 'N', '\xa0': '_', '\u2028': 'L', '\u2029': 'P',
};

function resolvesToNonString(s: string): boolean {
  return BOOL_OR_NULL.test(s) || INT.test(s) || FLOAT.test(s) || TIMESTAMP.test(s);
}

/** PyYAML (as shipped with Ansible here) treats characters beyond the BMP as unprintable. */
function isPrintable(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return ch === '\n' || ch === '\t' || (c >= 0x20 && c <= 0x7e) || c === 0x85 || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);
}

type Style = 'plain' | 'single' | 'double';

/** PyYAML's analyze_scalar + choose_scalar_style for one string. */
function chooseStyle(s: string, flow: boolean, simpleKey: boolean): Style {
  if ([...s].some((ch) => ch === '\t' || !isPrintable(ch) || ch === '\x85' || ch === '\u2028' || ch === '\u2029')) return 'double';
  if (/ \n/.test(s)) return 'double';
  if (/\n /.test(s)) return 'double';
  const multiline = s.includes('\n');
  if (simpleKey && multiline) return 'double';
  let plain = s !== '' && !resolvesToNonString(s) && !multiline;
  if (plain && (s.startsWith('---') || s.startsWith('...'))) plain = false;
  if (plain && (/^[ ]|[ ]$/.test(s))) plain = false;
  if (plain) {
    let flowIndicators = false;
    let blockIndicators = false;
    [...s].forEach((ch, i, all) => {
      const followedBySpace = i + 1 >= all.length || /[\s]/.test(all[i + 1] ?? '');
      const precededBySpace = i === 0 || /[\s]/.test(all[i - 1] ?? '');
      if (i === 0) {
        if ('#,[]{}&*!|>\'"%@`'.includes(ch)) {
          flowIndicators = true;
          blockIndicators = true;
        }
        if (ch === '?' || ch === ':') {
          flowIndicators = true;
          if (followedBySpace) blockIndicators = true;
        }
        if (ch === '-' && followedBySpace) {
          flowIndicators = true;
          blockIndicators = true;
        }
      } else {
        if (',?[]{}'.includes(ch)) flowIndicators = true;
        if (ch === ':') {
          flowIndicators = true;
          if (followedBySpace) blockIndicators = true;
        }
        if (ch === '#' && precededBySpace) {
          flowIndicators = true;
          blockIndicators = true;
        }
      }
    });
    if (flow ? flowIndicators : blockIndicators) plain = false;
  }
  if (simpleKey && s === '') plain = false;
  return plain ? 'plain' : 'single';
}

/** An emitter following PyYAML's column/indent bookkeeping, so line folding matches. */
class YamlWriter {
  out = '';
  private column = 0;
  private whitespace = true;
  private indention = true;
  private indent: number | null = null;
  private readonly indents: Array<number | null> = [];
  private flowLevel = 0;

  constructor(private readonly bestIndent: number, private readonly flowStyle: boolean | null) {}

  private write(data: string): void {
    this.out += data;
    this.column += data.length;
  }

  private lineBreak(): void {
    this.out += '\n';
    this.whitespace = true;
    this.indention = true;
    this.column = 0;
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, whitespace = false, indention = false): void {
    this.write(this.whitespace || !needWhitespace ? indicator : ' ' + indicator);
    this.whitespace = whitespace;
    this.indention = this.indention && indention;
  }

  writeIndent(): void {
    const indent = this.indent ?? 0;
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.lineBreak();
    if (this.column < indent) {
      this.whitespace = true;
      this.write(' '.repeat(indent - this.column));
    }
  }

  private increaseIndent(flow: boolean, indentless = false): void {
    this.indents.push(this.indent);
    if (this.indent === null) this.indent = flow ? this.bestIndent : 0;
    else if (!indentless) this.indent += this.bestIndent;
  }

  private popIndent(): void {
    this.indent = this.indents.pop() ?? null;
  }

  private useFlow(v: unknown[] | Record<string, unknown>): boolean {
    const children = Array.isArray(v) ? v : Object.values(v);
    if (children.length === 0 || this.flowLevel > 0 || this.flowStyle === true) return true;
    if (this.flowStyle === false) return false;
    return children.every((c) => !Array.isArray(c) && !isPlainMapping(c));
  }

  node(v: unknown, context: { mapping?: boolean; simpleKey?: boolean } = {}): void {
    if (Array.isArray(v)) {
      if (this.useFlow(v)) this.flowSequence(v);
      else this.blockSequence(v, context.mapping === true);
      return;
    }
    if (isPlainMapping(v)) {
      if (this.useFlow(v)) this.flowMapping(v);
      else this.blockMapping(v);
      return;
    }
    this.increaseIndent(true);
    this.scalar(v, context.simpleKey === true);
    this.popIndent();
  }

  private blockSequence(items: unknown[], mappingContext: boolean): void {
    this.increaseIndent(false, mappingContext && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.node(item);
    }
    this.popIndent();
  }

  private blockMapping(map: Record<string, unknown>): void {
    this.increaseIndent(false);
    for (const key of Object.keys(map).sort()) {
      this.writeIndent();
      this.node(key, { simpleKey: true });
      this.writeIndicator(':', false);
      this.node(map[key], { mapping: true });
    }
    this.popIndent();
  }

  private flowSequence(items: unknown[]): void {
    this.writeIndicator('[', true, true);
    this.flowLevel++;
    this.increaseIndent(true);
    items.forEach((item, i) => {
      if (i > 0) this.writeIndicator(',', false);
      if (this.column > BEST_WIDTH) this.writeIndent();
      this.node(item);
    });
    this.popIndent();
    this.flowLevel--;
    this.writeIndicator(']', false);
  }

  private flowMapping(map: Record<string, unknown>): void {
    this.writeIndicator('{', true, true);
    this.flowLevel++;
    this.increaseIndent(true);
    Object.keys(map).sort().forEach((key, i) => {
      if (i > 0) this.writeIndicator(',', false);
      if (this.column > BEST_WIDTH) this.writeIndent();
      this.node(key, { simpleKey: true });
      this.writeIndicator(':', false);
      this.node(map[key]);
    });
    this.popIndent();
    this.flowLevel--;
    this.writeIndicator('}', false);
  }

  private scalar(v: unknown, simpleKey: boolean): void {
    const text = scalarText(v);
    if (text !== undefined) {
      this.writePlain(text, false);
      return;
    }
    const s = typeof v === 'string' ? v : isUnsafe(v) ? v.text : undefined;
    if (s === undefined) throw new TemplateRuntimeError(`cannot represent an object: ${pythonTypeName(v)}`);
    const style = chooseStyle(s, this.flowLevel > 0, simpleKey);
    if (style === 'plain') this.writePlain(s, !simpleKey);
    else if (style === 'single') this.writeSingleQuoted(s, !simpleKey);
    else this.writeDoubleQuoted(s);
  }

  private writePlain(text: string, split: boolean): void {
    if (text === '') return;
    if (!this.whitespace) this.write(' ');
    this.whitespace = false;
    this.indention = false;
    let spaces = false;
    let start = 0;
    for (let end = 0; end <= text.length; end++) {
      const ch = end < text.length ? text[end] : undefined;
      if (spaces) {
        if (ch !== ' ') {
          if (start + 1 === end && this.column > BEST_WIDTH && split) {
            this.writeIndent();
            this.whitespace = false;
            this.indention = false;
          } else this.write(text.slice(start, end));
          start = end;
        }
      } else if (ch === undefined || ch === ' ') {
        this.write(text.slice(start, end));
        start = end;
      }
      if (ch !== undefined) spaces = ch === ' ';
    }
  }

  private writeSingleQuoted(text: string, split: boolean): void {
    this.writeIndicator("'", true);
    let spaces = false;
    let breaks = false;
    let start = 0;
    for (let end = 0; end <= text.length; end++) {
      const ch = end < text.length ? text[end] : undefined;
      if (spaces) {
        if (ch !== ' ') {
          if (start + 1 === end && this.column > BEST_WIDTH && split && start !== 0 && end !== text.length) this.writeIndent();
          else this.write(text.slice(start, end));
          start = end;
        }
      } else if (breaks) {
        if (ch !== '\n') {
          if (text[start] === '\n') this.lineBreak();
          for (let i = start; i < end; i++) this.lineBreak();
          this.writeIndent();
          start = end;
        }
      } else if (ch === undefined || ch === ' ' || ch === '\n' || ch === "'") {
        if (start < end) {
          this.write(text.slice(start, end));
          start = end;
        }
      }
      if (ch === "'") {
        this.write("''");
        start = end + 1;
      }
      if (ch !== undefined) {
        spaces = ch === ' ';
        breaks = ch === '\n';
      }
    }
    this.writeIndicator("'", false);
  }

  private writeDoubleQuoted(text: string): void {
    this.writeIndicator('"', true);
    let body = '';
    for (const ch of text) {
      const esc = DOUBLE_ESCAPES[ch];
      if (esc !== undefined) body += '\\' + esc;
      else if (isPrintable(ch)) body += ch;
      else {
        const c = ch.codePointAt(0) ?? 0;
        body += c <= 0xff ? `\\x${c.toString(16).toUpperCase().padStart(2, '0')}` : c <= 0xffff ? `\\u${c.toString(16).toUpperCase().padStart(4, '0')}` : `\\U${c.toString(16).toUpperCase().padStart(8, '0')}`;
      }
    }
    this.write(body);
    this.writeIndicator('"', false);
  }
}

function yamlFloat(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (!Number.isFinite(n)) return n > 0 ? '.inf' : '-.inf';
  const r = floatRepr(n);
  return !r.includes('.') && r.includes('e') ? r.replace('e', '.0e') : r;
}

/** Text of non-string scalars (always plain). */
function scalarText(v: unknown): string | undefined {
  if (v === null || v === undefined) return 'null';
  if (v === true) return 'true';
  if (v === false) return 'false';
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 1e21 ? String(v) : yamlFloat(v);
  if (v instanceof PyFloat) return yamlFloat(v.value);
  return undefined;
}

/** Python's yaml.dump with Ansible's dumper options: sorted keys, indentless block sequences, 80-column folding. */
export function pythonYamlDump(value: unknown, options: YamlDumpOptions = {}): string {
  const flowStyle = options.defaultFlowStyle === undefined ? null : options.defaultFlowStyle;
  const writer = new YamlWriter(options.indent ?? 2, flowStyle);
  writer.node(value);
  writer.writeIndent();
  return writer.out;
}
