import type { Document } from 'yaml';
import { yamlLibrary } from './yaml-library.js';
import { loadError } from './load-error.js';
import { SourceText } from './locations.js';
import { reindentFlowContinuations } from './flow-continuations.js';
import { findExcessiveNesting, MAX_YAML_NESTING } from './nesting-depth.js';
import { YamlConstructor } from './yaml-construct.js';
import type { YamlLoadOptions } from './yaml.js';

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
  const { Composer, Parser } = yamlLibrary();
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

const OLD_LINE_BREAKS = /\r(?!\n)|\x85/g;

/**
 * YAML 1.1 also breaks lines at a lone CR and at NEL (U+0085), as PyYAML and
 * libyaml do; the parser underneath only knows LF and CRLF. One character
 * for one keeps every offset.
 */
export function normalizeLineBreaks(text: string): string {
  OLD_LINE_BREAKS.lastIndex = 0;
  return OLD_LINE_BREAKS.test(text) ? text.replace(OLD_LINE_BREAKS, '\n') : text;
}

/** The full loader: every YAML feature, positions recorded as it builds, all warnings. */
export function parseYamlFully(text: string, file: string, options: YamlLoadOptions = {}): unknown {
  text = normalizeLineBreaks(text);
  let source = new SourceText(file, text);
  let doc: Document.Parsed | null;
  try {
    doc = firstDocument(text, source);
  } catch (err) {
    // Under-indented lines inside a quoted scalar or flow collection are fine for libyaml.
    const reindented = reindentFlowContinuations(text);
    if (reindented === undefined) throw err;
    source = new SourceText(file, reindented);
    try {
      doc = firstDocument(reindented, source);
    } catch {
      throw err;
    }
  }
  if (doc === null) return null;
  return new YamlConstructor(source, options.sink, options.duplicateKeys).construct(doc.contents);
}

