import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { TsibleError, ExitCode } from '../errors/tsible-error.js';
import { parseKv } from '../args/parse-kv.js';
import { parseJsonOrYaml } from '../loader/yaml.js';
import type { EventSink } from '../output/events.js';
import { isRecord } from '../values/is-record.js';


async function loadOne(option: string, cwd: string, sink: EventSink | undefined): Promise<unknown> {
  if (option.startsWith('@')) {
    const file = resolve(cwd, option.slice(1));
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      throw new TsibleError(`Unable to retrieve file contents\nCould not find or access '${option.slice(1)}' on the Ansible Controller.`, {
        code: 'TSIBLE_EXTRA_VARS_FILE',
        exitCode: ExitCode.error,
        cause: err,
      });
    }
    return parseJsonOrYaml(text, file, sink === undefined ? {} : { sink });
  }
  if (option.startsWith('/') || option.startsWith('.')) {
    throw new TsibleError(`Please prepend extra_vars filename '${option}' with '@'`, { code: 'TSIBLE_EXTRA_VARS_FILE', exitCode: ExitCode.badOptions });
  }
  if (option.startsWith('[') || option.startsWith('{')) return parseJsonOrYaml(option, '<extra vars>', sink === undefined ? {} : { sink });
  return parseKv(option);
}

/**
 * `-e` values merged left to right, as ansible's load_extra_vars: `@file`
 * (YAML/JSON), an inline YAML/JSON mapping, or `key=value` words.
 */
export async function loadExtraVars(options: readonly string[], cwd: string, sink?: EventSink): Promise<Record<string, unknown>> {
  let merged: Record<string, unknown> = {};
  for (const option of options) {
    if (option === '') continue;
    const data = await loadOne(option, cwd, sink);
    if (!isRecord(data)) {
      throw new TsibleError(`Invalid extra vars data supplied. '${option}' could not be made into a dictionary`, {
        code: 'TSIBLE_EXTRA_VARS_NOT_MAPPING',
        exitCode: ExitCode.badOptions,
      });
    }
    merged = { ...merged, ...data };
  }
  return merged;
}
