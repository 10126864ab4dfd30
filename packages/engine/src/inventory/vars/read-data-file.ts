import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
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
  const doc = parseDocument(text, { version: '1.1', merge: true, uniqueKeys: false, prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0];
    throw syntaxError(`Syntax Error while loading YAML: ${first.message.split('\n')[0]}`, { file: path, line: pos?.line ?? 1, column: pos?.col ?? 1 });
  }
  return doc.toJS({ maxAliasCount: 10_000 });
}
