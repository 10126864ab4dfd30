import { readFile } from 'node:fs/promises';
import { Composer, Parser, type Document } from 'yaml';
import { ExitCode, TsibleError } from '../errors/tsible-error.js';
import type { EventSink } from '../output/events.js';
import { loadError } from './load-error.js';
import { SourceText } from './locations.js';
import { fastParseYaml } from './fast-yaml.js';
import { YamlConstructor, type DuplicateKeyPolicy } from './yaml-construct.js';
import { parseJson } from './json.js';
import { findExcessiveNesting, MAX_YAML_NESTING } from './nesting-depth.js';

export { locationOf } from './locations.js';
export { UnsafeText, VaultText } from './tagged-values.js';
import { VaultText } from './tagged-values.js';
export type { DuplicateKeyPolicy } from './yaml-construct.js';

export interface YamlLoadOptions {
  /** Receives warnings such as duplicate keys. */
  sink?: EventSink;
  /** Ansible's DUPLICATE_YAML_DICT_KEY setting; 'warn' by default. */
  duplicateKeys?: DuplicateKeyPolicy;
  /**
   * Decrypts a whole vault-encrypted file (text starting with $ANSIBLE_VAULT;)
   * to the YAML/JSON it holds. Without it such a file is an error.
   */
  decryptVault?: (vault: VaultText) => string;
}

const VAULT_HEADER = '$ANSIBLE_VAULT;';

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
  const normalized = normalizeLineBreaks(text);
  const fast = fastParseYaml(normalized, () => parseYamlFully(normalized, file, {}));
  if (fast.ok) return fast.value;
  return parseYamlFully(normalized, file, options);
}

const OLD_LINE_BREAKS = /\r(?!\n)|\x85/g;

/**
 * YAML 1.1 also breaks lines at a lone CR and at NEL (U+0085), as PyYAML and
 * libyaml do; the parser underneath only knows LF and CRLF. One character
 * for one keeps every offset.
 */
function normalizeLineBreaks(text: string): string {
  OLD_LINE_BREAKS.lastIndex = 0;
  return OLD_LINE_BREAKS.test(text) ? text.replace(OLD_LINE_BREAKS, '\n') : text;
}

/** The full loader: every YAML feature, positions recorded as it builds, all warnings. */
export function parseYamlFully(text: string, file: string, options: YamlLoadOptions = {}): unknown {
  text = normalizeLineBreaks(text);
  const source = new SourceText(file, text);
  const doc = firstDocument(text, source);
  if (doc === null) return null;
  return new YamlConstructor(source, options.sink, options.duplicateKeys).construct(doc.contents);
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
  const plain = text.startsWith(VAULT_HEADER) ? decryptWholeFile(text, file, options) : text;
  const json = parseJson(new SourceText(file, plain), plain);
  if (json.ok) return json.value;
  return parseYaml(plain, file, options);
}

/** A file encrypted as a whole with ansible-vault: decrypt, or say what is missing. */
function decryptWholeFile(text: string, file: string, options: YamlLoadOptions): string {
  const vault = new VaultText(text, { file, line: 1, column: 1 });
  if (options.decryptVault === undefined) {
    throw new TsibleError('Attempting to decrypt but no vault secrets found', {
      code: 'TSIBLE_VAULT_NO_SECRET',
      location: vault.location,
      hint: 'This file is encrypted with ansible-vault; give a password with --ask-vault-pass or --vault-password-file.',
      exitCode: ExitCode.error,
    });
  }
  return options.decryptVault(vault);
}
