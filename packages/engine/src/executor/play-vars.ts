import path from 'node:path';
import { existsSync } from 'node:fs';
import { TsibleError } from '../errors/tsible-error.js';
import { isMapping } from '../playbook/errors.js';
import type { Play } from '../playbook/model.js';
import { parseJsonOrYaml } from '../loader/yaml.js';
import type { EventSink } from '../output/events.js';
import { Templar } from '../template/templar.js';
import type { Environment } from '../template/jinja/environment.js';

/**
 * vars_prompt without a terminal: the default when there is one, an
 * extra var of the same name wins, anything else is a clear error.
 */
export function promptVars(play: Play, extraVars: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  for (const prompt of play.varsPrompt) {
    if (prompt.name in extraVars) continue;
    if ('default' in prompt.options) {
      vars[prompt.name] = prompt.options['default'];
      continue;
    }
    throw new TsibleError(`vars_prompt '${prompt.name}' needs an answer, and there is no terminal to ask on`, {
      code: 'TSIBLE_VARS_PROMPT_NO_TTY',
      location: prompt.location,
      hint: `give it with -e ${prompt.name}=VALUE or add a default`,
    });
  }
  return vars;
}

/**
 * vars_files: each entry a file, or a list whose first existing file is used;
 * templated with play and extra vars. `read` gives a file's text (a vaulted
 * file comes back decrypted).
 */
export async function varsFilesVars(play: Play, base: Readonly<Record<string, unknown>>, sink: EventSink, environment: Environment, read: (file: string) => Promise<string>): Promise<Record<string, unknown>> {
  let vars: Record<string, unknown> = {};
  const templar = new Templar({ vars: { ...base }, sink, environment });
  for (const entry of play.varsFiles) {
    const candidates = (Array.isArray(entry) ? entry : [entry]).map((c) => String(templar.render(c, { location: play.location })));
    const file = candidates.map((c) => path.resolve(play.basedir, c)).find((c) => existsSync(c));
    if (file === undefined) {
      throw new TsibleError(`vars file ${candidates.join(', ')} was not found`, { code: 'TSIBLE_VARS_FILE_NOT_FOUND', location: play.location, hint: `looked in ${play.basedir}` });
    }
    const data = parseJsonOrYaml(await read(file), file, { sink });
    if (data === null || data === undefined) continue;
    if (!isMapping(data)) throw new TsibleError(`${file} must be stored as a dictionary/hash`, { code: 'TSIBLE_VARS_FILE_TYPE', location: { file, line: 1, column: 1 } });
    vars = { ...vars, ...data };
  }
  return vars;
}
