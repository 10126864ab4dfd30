import { readFileSync } from 'node:fs';
import type { SourceLocation } from '../errors/source-location.js';
import { TsibleError } from '../errors/tsible-error.js';
import { locationOf, parseJsonOrYaml } from '../loader/yaml.js';
import type { EventSink } from '../output/events.js';

/**
 * The loader's view of playbook files: read with the YAML loader (JSON
 * first, then YAML 1.1 as Ansible) and ask where any mapping, sequence, key
 * or item came from.
 */

/** Where a mapping/sequence starts, or where one of its keys/items is written (the node itself if the key is unknown). */
export function locate(node: unknown, key?: string | number): SourceLocation | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  return (key === undefined ? undefined : locationOf(node, key)) ?? locationOf(node);
}

export function readYamlFile(file: string, sink?: EventSink): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new TsibleError(`Unable to retrieve file contents\nCould not find or access '${file}' on the Ansible Controller.`, {
      code: 'TSIBLE_FILE_NOT_FOUND',
      cause,
    });
  }
  return parseJsonOrYaml(text, file, sink === undefined ? {} : { sink });
}
