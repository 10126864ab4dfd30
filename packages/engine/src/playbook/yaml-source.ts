import { readFileSync } from 'node:fs';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { SourceLocation } from '../errors/source-location.js';
import { ExitCode, TsibleError } from '../errors/tsible-error.js';

/**
 * Reads playbook YAML into plain values and remembers where every mapping,
 * sequence, key and item came from, so validation can name file:line:col.
 */
interface NodePositions {
  self: SourceLocation;
  children: Map<string | number, SourceLocation>;
}

const positions = new WeakMap<object, NodePositions>();

/** Where a mapping/sequence starts, or where one of its keys/items is written. */
export function locate(node: unknown, key?: string | number): SourceLocation | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  const entry = positions.get(node);
  if (!entry) return undefined;
  if (key === undefined) return entry.self;
  return entry.children.get(key) ?? entry.self;
}

export function readYamlFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new TsibleError(`Unable to retrieve file contents\nCould not find or access '${file}' on the Ansible Controller.`, {
      code: 'TSIBLE_FILE_NOT_FOUND',
      cause,
    });
  }
  return parseYamlText(text, file);
}

export function parseYamlText(text: string, file: string): unknown {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, version: '1.1', uniqueKeys: false, prettyErrors: false });
  const at = (offset: number): SourceLocation => {
    const pos = lines.linePos(offset);
    return { file, line: pos.line, column: pos.col };
  };
  const error = doc.errors[0];
  if (error) {
    throw new TsibleError(`Syntax Error while loading YAML.\n  ${error.message.split('\n')[0]}`, {
      code: 'TSIBLE_YAML_SYNTAX',
      location: at(error.pos[0]),
      exitCode: ExitCode.parserError,
    });
  }
  const convert = (node: YamlNode | null | undefined): unknown => {
    if (node === null || node === undefined) return null;
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      const entry: NodePositions = { self: at(node.range?.[0] ?? 0), children: new Map() };
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as YamlNode | null;
        const key = isScalar(keyNode) ? String(keyNode.value) : String(convert(keyNode));
        out[key] = convert(pair.value as YamlNode | null);
        entry.children.set(key, at(keyNode?.range?.[0] ?? node.range?.[0] ?? 0));
      }
      positions.set(out, entry);
      return out;
    }
    if (isSeq(node)) {
      const entry: NodePositions = { self: at(node.range?.[0] ?? 0), children: new Map() };
      const out = node.items.map((item, index) => {
        const child = item as YamlNode | null;
        entry.children.set(index, at(child?.range?.[0] ?? node.range?.[0] ?? 0));
        return convert(child);
      });
      positions.set(out, entry);
      return out;
    }
    if (isScalar(node)) return node.value;
    return null;
  };
  return convert(doc.contents as YamlNode | null);
}
