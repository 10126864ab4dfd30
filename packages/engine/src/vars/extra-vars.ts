import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseDocument, YAMLParseError } from 'yaml';
import { TsibleError, ExitCode } from '../errors/tsible-error.js';
import { parseKv } from '../args/parse-kv.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** YAML 1.1 (as PyYAML reads it: yes/no are booleans); errors point at file:line:col. */
function parseYaml(text: string, file: string): unknown {
  const doc = parseDocument(text, { version: '1.1', prettyErrors: false });
  const error = doc.errors[0];
  if (error !== undefined) {
    const pos = error instanceof YAMLParseError ? error.linePos?.[0] : undefined;
    throw new TsibleError(`Syntax Error while loading YAML. ${error.message.split('\n')[0] ?? ''}`, {
      code: 'TSIBLE_EXTRA_VARS_SYNTAX',
      exitCode: ExitCode.parserError,
      location: { file, line: pos?.line ?? 1, column: pos?.col ?? 1 },
    });
  }
  return doc.toJS();
}

async function loadOne(option: string, cwd: string): Promise<unknown> {
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
    return parseYaml(text, file);
  }
  if (option.startsWith('/') || option.startsWith('.')) {
    throw new TsibleError(`Please prepend extra_vars filename '${option}' with '@'`, { code: 'TSIBLE_EXTRA_VARS_FILE', exitCode: ExitCode.badOptions });
  }
  if (option.startsWith('[') || option.startsWith('{')) return parseYaml(option, '<extra vars>');
  return parseKv(option);
}

/**
 * `-e` values merged left to right, as ansible's load_extra_vars: `@file`
 * (YAML/JSON), an inline YAML/JSON mapping, or `key=value` words.
 */
export async function loadExtraVars(options: readonly string[], cwd: string): Promise<Record<string, unknown>> {
  let merged: Record<string, unknown> = {};
  for (const option of options) {
    if (option === '') continue;
    const data = await loadOne(option, cwd);
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
