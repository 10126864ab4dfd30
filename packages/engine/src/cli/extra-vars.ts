import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ExitCode, TsibleError } from '../errors/tsible-error.js';
import { isMapping } from '../playbook/errors.js';
import { parseKv } from '../playbook/args/parse-kv.js';
import { parseJsonOrYaml } from '../loader/yaml.js';

/**
 * `-e` values as ansible-playbook reads them: `@file` (YAML/JSON), inline
 * YAML/JSON starting with `{` or `[`, or `key=value` pairs. Later values win.
 */
export function parseExtraVars(values: readonly string[], cwd: string, fileTexts: ReadonlyMap<string, string> = new Map()): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  for (const raw of values) Object.assign(vars, parseOne(raw, cwd, fileTexts));
  return vars;
}

/**
 * The text of every `-e @file` through `read` (which opens a file vaulted as
 * a whole), for parseExtraVars; files that cannot be read are left to it.
 */
export async function readExtraVarFiles(values: readonly string[], cwd: string, read: (file: string) => Promise<string>): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const raw of values) {
    const text = raw.trim();
    if (!text.startsWith('@')) continue;
    const file = resolve(cwd, text.slice(1));
    try {
      texts.set(file, await read(file));
    } catch (err) {
      // A wrong vault password stops here; a missing file is reported by parseExtraVars.
      if (err instanceof TsibleError) throw err;
    }
  }
  return texts;
}

function parseOne(raw: string, cwd: string, fileTexts: ReadonlyMap<string, string>): Record<string, unknown> {
  const text = raw.trim();
  if (text === '') throw badOption('Empty vars string', raw);
  if (text.startsWith('@')) {
    const file = resolve(cwd, text.slice(1));
    let content: string;
    try {
      content = fileTexts.get(file) ?? readFileSync(file, 'utf8');
    } catch {
      throw new TsibleError(`Unable to retrieve file contents\nCould not find or access '${file}'`, { code: 'TSIBLE_EXTRA_VARS_FILE', exitCode: ExitCode.error });
    }
    return asMapping(parseJsonOrYaml(content, file), raw);
  }
  if (text.startsWith('{') || text.startsWith('[')) return asMapping(parseJsonOrYaml(text, '<extra vars>'), raw);
  return parseKv(text);
}

function asMapping(value: unknown, raw: string): Record<string, unknown> {
  if (value === null || value === undefined) return {};
  if (!isMapping(value)) throw badOption(`Invalid extra vars data supplied. '${raw}' could not be made into a dictionary`, raw);
  return value;
}

function badOption(message: string, raw: string): TsibleError {
  return new TsibleError(message, { code: 'TSIBLE_EXTRA_VARS', exitCode: ExitCode.error, hint: `in -e ${raw}` });
}
