import { UnsafeText, VaultText } from '../../loader/tagged-values.js';
import { pythonFloatRepr } from '../../text/python-format.js';
import { compareCodePoints } from '../../text/code-point-order.js';
import { pyyamlString } from './pyyaml-scalar.js';

/**
 * Text identical to PyYAML's yaml.dump(value, default_flow_style=False,
 * allow_unicode=True) for the values inventories hold: sorted keys, block
 * mappings indented by two, sequences not indented under their key, empty
 * collections as {} and [].
 */
export function pyyamlDump(value: unknown): string {
  const a = new Anchors(value);
  if (isNonEmptyMapping(value)) return mappingLines(value, 0, a).join('\n') + '\n';
  if (isNonEmptyList(value)) return sequenceLines(value, 0, a).join('\n') + '\n';
  const text = scalarText(value, 0, 0);
  // A bare plain scalar document ends with an explicit end marker.
  return isCollection(value) ? `${text}\n` : `${text}\n...\n`;
}

/**
 * PyYAML writes an object that appears twice once, with &idNNN, and refers
 * to it later with *idNNN. Numbers follow the order of second sightings.
 */
class Anchors {
  private readonly names = new Map<object, string | null>();
  private readonly emitted = new Set<object>();
  private count = 0;

  constructor(root: unknown) {
    this.visit(root);
  }

  private visit(v: unknown): void {
    if (!isCollection(v)) return;
    if (this.names.has(v)) {
      if (this.names.get(v) === null) this.names.set(v, `id${String(++this.count).padStart(3, '0')}`);
      return;
    }
    this.names.set(v, null);
    if (Array.isArray(v)) for (const item of v) this.visit(item);
    else for (const k of Object.keys(v).sort(compareCodePoints)) this.visit((v as Record<string, unknown>)[k]);
  }

  /** '&id001 ' for a first appearance, '*id001' for a repeat, '' otherwise. */
  mark(v: unknown): { text: string; alias: boolean } {
    if (!isCollection(v)) return { text: '', alias: false };
    const name = this.names.get(v);
    if (!name) return { text: '', alias: false };
    if (this.emitted.has(v)) return { text: `*${name}`, alias: true };
    this.emitted.add(v);
    return { text: `&${name}`, alias: false };
  }
}

function isCollection(v: unknown): v is object {
  return Array.isArray(v) || isPlainObject(v);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof UnsafeText) && !(v instanceof VaultText);
}

function isNonEmptyMapping(v: unknown): v is Record<string, unknown> {
  return isPlainObject(v) && Object.keys(v).length > 0;
}

function isNonEmptyList(v: unknown): v is unknown[] {
  return Array.isArray(v) && v.length > 0;
}

function scalarText(v: unknown, column: number, indent: number): string {
  if (v === null || v === undefined) return 'null';
  if (v instanceof UnsafeText) return pyyamlString(v.text, column, indent);
  // Ansible's dumper writes vaulted values back as a !vault literal block.
  if (v instanceof VaultText) return `!vault |\n${v.ciphertext.replace(/\n$/, '').split('\n').map((l) => ' '.repeat(indent) + l).join('\n')}`;
  if (v === true) return 'true';
  if (v === false) return 'false';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return '.nan';
    if (v === Infinity) return '.inf';
    if (v === -Infinity) return '-.inf';
    if (Number.isSafeInteger(v)) return String(v);
    const repr = pythonFloatRepr(v).toLowerCase();
    return !repr.includes('.') && repr.includes('e') ? repr.replace('e', '.0e') : repr;
  }
  if (Array.isArray(v)) return '[]';
  if (typeof v === 'object') return '{}';
  return pyyamlString(String(v), column, indent);
}

function mappingLines(map: Record<string, unknown>, indent: number, a: Anchors, firstPrefix?: string): string[] {
  const lines: string[] = [];
  const keys = Object.keys(map).sort(compareCodePoints);
  keys.forEach((key, i) => {
    const lead = i === 0 && firstPrefix !== undefined ? firstPrefix : ' '.repeat(indent);
    const keyText = pyyamlString(key, lead.length, indent, true);
    const head = `${lead}${keyText}:`;
    const value = map[key];
    const mark = a.mark(value);
    if (mark.alias) lines.push(`${head} ${mark.text}`);
    else if (isNonEmptyMapping(value)) {
      lines.push(mark.text ? `${head} ${mark.text}` : head, ...mappingLines(value, indent + 2, a));
    } else if (isNonEmptyList(value)) {
      lines.push(mark.text ? `${head} ${mark.text}` : head, ...sequenceLines(value, indent, a));
    } else if (mark.text) {
      lines.push(`${head} ${mark.text} ${scalarText(value, 0, 0)}`);
    } else {
      const column = [...head].length + 1;
      lines.push(`${head} ${scalarText(value, column, indent + 2)}`);
    }
  });
  return lines;
}

function sequenceLines(list: unknown[], indent: number, a: Anchors, firstPrefix?: string): string[] {
  const lines: string[] = [];
  list.forEach((item, i) => {
    const lead = `${i === 0 && firstPrefix !== undefined ? firstPrefix : ' '.repeat(indent)}- `;
    const mark = a.mark(item);
    if (mark.alias) lines.push(`${lead}${mark.text}`);
    else if (mark.text && (isNonEmptyMapping(item) || isNonEmptyList(item))) {
      lines.push(`${lead}${mark.text}`);
      if (isNonEmptyMapping(item)) lines.push(...mappingLines(item, indent + 2, a));
      else lines.push(...sequenceLines(item, indent + 2, a));
    } else if (mark.text) lines.push(`${lead}${mark.text} ${scalarText(item, 0, 0)}`);
    else if (isNonEmptyMapping(item)) lines.push(...mappingLines(item, indent + 2, a, lead));
    else if (isNonEmptyList(item)) lines.push(...sequenceLines(item, indent + 2, a, lead));
    else lines.push(`${lead}${scalarText(item, [...lead].length, indent + 2)}`);
  });
  return lines;
}
