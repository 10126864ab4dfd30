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

// Strings PyYAML's resolver would read back as something else (YAML 1.1), so they must be quoted.
const BOOL_OR_NULL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|~|null|Null|NULL|<<|=)$/;
const INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const FLOAT = /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const TIMESTAMP = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?$/;

function resolvesToNonString(s: string): boolean {
  return BOOL_OR_NULL.test(s) || INT.test(s) || FLOAT.test(s) || TIMESTAMP.test(s);
}

function needsQuotes(s: string, flow: boolean): boolean {
  if (s === '' || resolvesToNonString(s)) return true;
  if (/^\s|\s$/.test(s)) return true;
  if (/^[-?:](\s|$)/.test(s)) return true;
  if (/^[,[\]{}#&*!|>'"%@`]/.test(s)) return true;
  if (s.includes(': ') || s.includes(' #') || s.endsWith(':')) return true;
  if (flow && /[,[\]{}]/.test(s)) return true;
  if (flow && /[?:]/.test(s)) return true;
  return s.includes('\n');
}

function doubleQuoted(s: string): string {
  return `"${[...s].map((c) => {
    const code = c.codePointAt(0) ?? 0;
    if (c === '"' || c === '\\') return '\\' + c;
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    if (code < 0x20 || code === 0x7f) return `\\x${code.toString(16).padStart(2, '0').toUpperCase()}`;
    return c;
  }).join('')}"`;
}

function quoteString(s: string, flow: boolean, continuationIndent: number): string {
  if (!needsQuotes(s, flow)) return s;
  // Control characters (other than newline) force PyYAML's double-quoted style.
  if (/[\x00-\x08\x0b-\x1f\x7f]/.test(s)) return doubleQuoted(s);
  const body = s.replace(/'/g, "''").replace(/\n+/g, (breaks) => '\n' + breaks + ' '.repeat(continuationIndent));
  return `'${body}'`;
}

function yamlFloat(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (!Number.isFinite(n)) return n > 0 ? '.inf' : '-.inf';
  const r = floatRepr(n);
  return !r.includes('.') && r.includes('e') ? r.replace('e', '.0e') : r;
}

function scalar(v: unknown, flow: boolean, continuationIndent: number): string | undefined {
  if (v === null || v === undefined) return 'null';
  if (v === true) return 'true';
  if (v === false) return 'false';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : yamlFloat(v);
  if (v instanceof PyFloat) return yamlFloat(v.value);
  if (typeof v === 'string') return quoteString(v, flow, continuationIndent);
  if (isUnsafe(v)) return quoteString(v.text, flow, continuationIndent);
  return undefined;
}

function isCollection(v: unknown): v is unknown[] | Record<string, unknown> {
  return Array.isArray(v) || isPlainMapping(v);
}

function isEmptyCollection(v: unknown): boolean {
  return (Array.isArray(v) && v.length === 0) || (isPlainMapping(v) && Object.keys(v).length === 0);
}

/** Python's yaml.dump with Ansible's options: sorted keys, indentless block sequences. */
export function pythonYamlDump(value: unknown, options: YamlDumpOptions = {}): string {
  const indent = options.indent ?? 2;
  const flowStyle = options.defaultFlowStyle === undefined ? null : options.defaultFlowStyle;
  const useFlow = (v: unknown): boolean => {
    if (isEmptyCollection(v)) return true;
    if (flowStyle === true) return true;
    if (flowStyle === false) return false;
    const children = Array.isArray(v) ? v : Object.values(v as Record<string, unknown>);
    return children.every((c) => !isCollection(c));
  };
  const flow = (v: unknown): string => {
    const s = scalar(v, true, 0);
    if (s !== undefined) return s;
    if (Array.isArray(v)) return `[${v.map(flow).join(', ')}]`;
    if (isPlainMapping(v)) return `{${Object.keys(v).sort().map((k) => `${scalar(k, true, 0) ?? k}: ${flow(v[k])}`).join(', ')}}`;
    throw new TemplateRuntimeError(`cannot represent an object: ${pythonTypeName(v)}`);
  };
  const inline = (v: unknown, col: number): string | undefined => {
    const s = scalar(v, false, col + indent);
    if (s !== undefined) return s;
    if (isCollection(v) && useFlow(v)) return flow(v);
    return undefined;
  };
  const block = (v: unknown, col: number): string[] => {
    const pad = ' '.repeat(col);
    const lines: string[] = [];
    if (Array.isArray(v)) {
      for (const item of v) {
        const simple = inline(item, col);
        if (simple !== undefined) {
          lines.push(`${pad}- ${simple}`);
          continue;
        }
        const nested = block(item, col + indent);
        const first = nested[0] ?? '';
        lines.push(`${pad}-${' '.repeat(indent - 1)}${first.slice(col + indent)}`, ...nested.slice(1));
      }
      return lines;
    }
    if (isPlainMapping(v)) {
      for (const key of Object.keys(v).sort()) {
        const k = scalar(key, false, col + indent) ?? key;
        const child = v[key];
        const simple = inline(child, col);
        if (simple !== undefined) lines.push(`${pad}${k}: ${simple}`);
        else if (Array.isArray(child)) lines.push(`${pad}${k}:`, ...block(child, col));
        else lines.push(`${pad}${k}:`, ...block(child, col + indent));
      }
      return lines;
    }
    throw new TemplateRuntimeError(`cannot represent an object: ${pythonTypeName(v)}`);
  };
  const top = scalar(value, false, indent);
  if (top !== undefined) return `${top}\n...\n`;
  if (useFlow(value)) return `${flow(value)}\n`;
  return block(value, 0).join('\n') + '\n';
}
