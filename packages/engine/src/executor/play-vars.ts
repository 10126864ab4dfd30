import path from 'node:path';
import { existsSync } from 'node:fs';
import { TsibleError } from '../errors/tsible-error.js';
import { isMapping } from '../playbook/errors.js';
import type { Play, VarsPrompt } from '../playbook/model.js';
import { toBoolean } from '../module-api/type-conversion.js';
import { passwordHash, randomSalt } from '../template/filters/encoding.js';
import { pythonStr } from '../template/python/repr.js';
import { markUnsafe } from '../template/unsafe.js';
import type { Terminal } from './terminal.js';
import { parseJsonOrYaml } from '../loader/yaml.js';
import { makeEvent, type EventSink } from '../output/events.js';
import { Templar } from '../template/templar.js';
import type { Environment } from '../template/jinja/environment.js';

/**
 * vars_prompt, as ansible-playbook asks before the play: an extra var of
 * the same name wins; on a terminal each variable is asked for (`prompt`,
 * `[default]` shown, `private` (the default) not echoed, `confirm` asked
 * twice until both match, `encrypt` hashed, `unsafe` never templated);
 * without a terminal the default is used, and no default is a clear error.
 */
export async function promptVars(play: Play, extraVars: Readonly<Record<string, unknown>>, terminal: Terminal | undefined, sink: EventSink, environment: Environment): Promise<Record<string, unknown>> {
  const vars: Record<string, unknown> = {};
  const templar = new Templar({ vars: { ...play.vars, ...extraVars }, sink, environment });
  for (const entry of play.varsPrompt) {
    if (entry.name in extraVars) continue;
    const option = (key: string): unknown => (entry.options[key] === undefined || entry.options[key] === null ? undefined : templar.render(entry.options[key], { location: entry.location }));
    const fallback = option('default');
    if (terminal === undefined) {
      sink.emit(makeEvent('warning', 'vars_prompt.no_terminal', 'Not prompting as we are not in interactive mode'));
      if (fallback !== undefined) {
        vars[entry.name] = fallback;
        continue;
      }
      throw new TsibleError(`vars_prompt '${entry.name}' needs an answer, and there is no terminal to ask on`, {
        code: 'TSIBLE_VARS_PROMPT_NO_TTY',
        location: entry.location,
        hint: `give it with -e ${entry.name}=VALUE or add a default`,
      });
    }
    const text = option('prompt');
    const prompt = text !== undefined && text !== '' ? (fallback !== undefined ? `${pythonStr(text)} [${pythonStr(fallback)}]: ` : `${pythonStr(text)}: `) : `input for ${entry.name}: `;
    const echo = !toBoolean(option('private') ?? true);
    let answer = await terminal.readLine(prompt, echo);
    if (toBoolean(option('confirm') ?? false)) {
      for (;;) {
        const second = await terminal.readLine(`confirm ${prompt}`, echo);
        if (second === answer) break;
        terminal.write('***** VALUES ENTERED DO NOT MATCH ****\n');
        answer = await terminal.readLine(prompt, echo);
      }
    }
    let value: unknown = answer === '' && fallback !== undefined ? fallback : answer;
    const encrypt = option('encrypt');
    if (encrypt !== undefined) value = encryptAnswer(pythonStr(value), pythonStr(encrypt), option('salt'), option('salt_size'), entry);
    vars[entry.name] = toBoolean(option('unsafe') ?? false) ? markUnsafe(pythonStr(value)) : value;
  }
  return vars;
}

/** `encrypt:` as Ansible's do_encrypt: a crypt(3) hash with a random salt of `salt_size` (or the given salt). */
function encryptAnswer(answer: string, scheme: string, salt: unknown, saltSize: unknown, entry: VarsPrompt): string {
  try {
    const saltText = salt !== undefined ? pythonStr(salt) : randomSalt(saltSize === undefined ? undefined : Number(saltSize));
    return passwordHash(answer, [scheme, saltText], {});
  } catch (err) {
    throw new TsibleError(`vars_prompt '${entry.name}': ${(err as Error).message}`, { code: 'TSIBLE_VARS_PROMPT_ENCRYPT', location: entry.location });
  }
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
