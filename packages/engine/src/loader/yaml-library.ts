import { createRequire } from 'node:module';
import type { Alias, Scalar, YAMLMap, YAMLSeq } from 'yaml';

/**
 * The full YAML library, loaded on first use. Most files take the fast path
 * (fast-yaml.ts), so a run that never needs the full loader — an ad-hoc
 * command against an INI inventory, say — never pays for loading it.
 */
type YamlLibrary = typeof import('yaml');

let library: YamlLibrary | undefined;

export function yamlLibrary(): YamlLibrary {
  library ??= createRequire(import.meta.url)('yaml') as YamlLibrary;
  return library;
}

// Node guards for code that only runs on nodes the library has produced.
export const isAlias = (node: unknown): node is Alias => yamlLibrary().isAlias(node);
export const isMap = (node: unknown): node is YAMLMap => yamlLibrary().isMap(node);
export const isSeq = (node: unknown): node is YAMLSeq => yamlLibrary().isSeq(node);
export const isScalar = (node: unknown): node is Scalar => yamlLibrary().isScalar(node);
