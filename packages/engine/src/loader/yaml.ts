import { readFile } from 'node:fs/promises';
import { Composer, Parser, type Document } from 'yaml';
import { ExitCode, TsibleError } from '../errors/tsible-error.js';
import type { EventSink } from '../output/events.js';
import { loadError } from './load-error.js';
import { SourceText } from './locations.js';
import { YamlConstructor } from './yaml-construct.js';
import { parseJson } from './json.js';
import { findExcessiveNesting, MAX_YAML_NESTING } from './nesting-depth.js';

export { locationOf } from './locations.js';
export { UnsafeText, VaultText } from './tagged-values.js';

export interface YamlLoadOptions {
  /** Receives warnings such as duplicate keys. */
  sink?: EventSink;
}

// Scalars stay strings at composition (failsafe schema); YamlConstructor
// resolves them with PyYAML's YAML 1.1 rules. Duplicate keys and merges are
// handled there too, so the composer must not judge them.
const COMPOSE_OPTIONS = {
  schema: 'failsafe',
  version: '1.1',
  uniqueKeys: false,
  merge: false,
  prettyErrors: false,
  strict: true,
} as const;

function firstDocument(text: string, source: SourceText): Document.Parsed | null {
  const tooDeep = findExcessiveNesting(text);
  if (tooDeep !== -1) {
    throw loadError('TSIBLE_YAML_SYNTAX', `YAML nesting is too deep (more than ${MAX_YAML_NESTING} levels)`, source, tooDeep);
  }
  const composer = new Composer(COMPOSE_OPTIONS);
  const docs: Document.Parsed[] = [];
  for (const doc of composer.compose(new Parser().parse(text))) {
    // Ansible loads one document; a second one is an error.
    if (docs.length > 0) {
      throw loadError('TSIBLE_YAML_SYNTAX', 'expected a single document in the stream, but found another document', source, doc.range[0]);
    }
    const error = doc.errors[0];
    if (error !== undefined) {
      throw loadError('TSIBLE_YAML_SYNTAX', `Syntax Error while loading YAML: ${lowerFirst(error.message)}`, source, error.pos[0]);
    }
    docs.push(doc);
  }
  return docs[0] ?? null;
}

function lowerFirst(message: string): string {
  return message.charAt(0).toLowerCase() + message.slice(1);
}

/**
 * Parses one YAML document exactly as Ansible (PyYAML, YAML 1.1) would.
 * Mappings become plain objects, sequences arrays; each keeps its source
 * position for locationOf(). Errors are TsibleErrors (exit code 4) that name
 * file:line:col.
 */
export function parseYaml(text: string, file: string, options: YamlLoadOptions = {}): unknown {
  const source = new SourceText(file, text);
  const doc = firstDocument(text, source);
  if (doc === null) return null;
  return new YamlConstructor(source, options.sink).construct(doc.contents);
}

/**
 * Reads and parses a data file the way Ansible's DataLoader does: JSON first,
 * then YAML (so `{"a": 1e3}` is JSON's 1000). A missing or unreadable file is
 * a TsibleError.
 */
export async function loadYamlFile(path: string, options: YamlLoadOptions = {}): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const reason = err instanceof Error && 'code' in err ? String((err as NodeJS.ErrnoException).code) : String(err);
    throw new TsibleError(`Unable to read YAML file ${path}: ${reason}`, {
      code: 'TSIBLE_FILE_READ',
      exitCode: ExitCode.error,
      cause: err,
    });
  }
  return parseJsonOrYaml(text, path, options);
}

/**
 * JSON first, then YAML, as Ansible loads vars files, inventories and
 * dynamic inventory output. Both paths record locations.
 */
export function parseJsonOrYaml(text: string, file: string, options: YamlLoadOptions = {}): unknown {
  const source = new SourceText(file, text);
  const json = parseJson(source, text);
  if (json.ok) return json.value;
  return parseYaml(text, file, options);
}
