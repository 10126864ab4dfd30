import { resolve } from 'node:path';
import { isMapping, parserError } from '../errors.js';
import { isFile } from '../load/paths.js';
import { readYamlFile } from '../yaml-source.js';
import type { Play } from '../model.js';
import { hasTemplate, renderAtLoad, renderOrKeep } from '../load-time-templates.js';
import type { EventSink } from '../../output/events.js';
import { pythonRepr } from '../../template/python/repr.js';

export interface PlayDisplay {
  hosts: string[];
  name: string;
}

/**
 * The variables a play's header may use before anything runs: play vars,
 * literal vars_files that exist, vars_prompt defaults, extra vars on top.
 */
export function playHeaderVars(play: Play, extraVars: Record<string, unknown>): Record<string, unknown> {
  const promptDefaults = Object.fromEntries(play.varsPrompt.filter((p) => 'default' in p.options).map((p) => [p.name, p.options['default']]));
  return { ...play.vars, ...literalVarsFiles(play), ...promptDefaults, ...extraVars };
}

/** vars_files entries written as plain paths; templated or missing ones are left to the runner. */
function literalVarsFiles(play: Play): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  for (const entry of play.varsFiles) {
    if (typeof entry !== 'string' || hasTemplate(entry)) continue;
    const file = resolve(play.basedir, entry);
    if (!isFile(file)) continue;
    const data = readYamlFile(file);
    if (isMapping(data)) Object.assign(vars, data);
  }
  return vars;
}

/**
 * The play's host patterns and name with templates rendered, as
 * ansible-playbook shows them (a name without `name:` is the patterns joined
 * by commas). A pattern that uses an undefined variable is Ansible's error.
 */
export function displayPlay(play: Play, extraVars: Record<string, unknown>, sink: EventSink): PlayDisplay {
  const vars = playHeaderVars(play, extraVars);
  const hosts = play.hosts.flatMap((pattern) => {
    const rendered = renderAtLoad(pattern, vars, sink);
    if (!rendered.ok) {
      throw parserError(
        'TSIBLE_PLAYBOOK_HOSTS_TEMPLATE',
        `The field 'hosts' has an invalid value, which includes an undefined variable. The error was: ${rendered.reason}`,
        play.hostsLocation,
        "hosts can only use extra vars (-e), the play's vars, vars_files and vars_prompt defaults",
      );
    }
    return Array.isArray(rendered.value) ? rendered.value.map(String) : [String(rendered.value)];
  });
  const name = play.name === undefined ? hosts.join(',') : renderOrKeep(play.name, vars, sink);
  return { hosts, name };
}

/** Python's repr of a list of strings: `['web', 'db']`. */
export function pythonListRepr(items: readonly string[]): string {
  return pythonRepr(items);
}
