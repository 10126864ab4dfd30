import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { firstLine } from '../sources/yaml.js';
import { findRecursiveAlias, MAX_ALIAS_COUNT } from '../parse/yaml-guard.js';
import { toPlain } from '../parse/yaml-value.js';
import { syntaxError } from '../errors.js';

/**
 * Reads a YAML (or JSON) data file with YAML 1.1 rules, as PyYAML does for
 * Ansible (`yes` is a boolean, `010` octal). Empty documents give null.
 */
export function readDataFile(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  return parseDataText(text, path);
}

export function parseDataText(text: string, path: string): unknown {
  const lines = new LineCounter();
  const doc = parseDocument(text, { version: '1.1', merge: true, uniqueKeys: false, prettyErrors: false, lineCounter: lines });
  const first = doc.errors[0];
  if (first) {
    const pos = lines.linePos(first.pos[0]);
    throw syntaxError(`Syntax Error while loading YAML: ${firstLine(first.message)}`, { file: path, line: pos.line, column: pos.col });
  }
  const loop = findRecursiveAlias(doc, lines);
  if (loop) throw syntaxError(`recursive alias *${loop.name} inside its own anchor`, { file: path, line: loop.line, column: loop.column });
  try {
    return toPlain(doc.toJS({ mapAsMap: true, maxAliasCount: MAX_ALIAS_COUNT }));
  } catch (err) {
    throw syntaxError(`Syntax Error while loading YAML: ${firstLine((err as Error).message)}`, { file: path, line: 1, column: 1 });
  }
}
