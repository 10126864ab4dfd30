import { isMapping, parserError } from '../errors.js';
import { pythonTypeName } from '../python-type-name.js';
import { PLAY_KEYWORDS } from '../keywords.js';
import type { Play, PlaybookImport, VarsPrompt } from '../model.js';
import { locate } from '../yaml-source.js';
import { loadBlockList } from './blocks.js';
import { checkKeywordTypes, keywordsWithout, readTags, readVars, rejectUnknownKeys } from './keyword-checks.js';
import { loadRole, readRoleEntry } from './roles.js';
import type { LoadScope } from './scope.js';

const PLAY_STRUCTURE: ReadonlySet<string> = new Set([
  'name', 'hosts', 'vars', 'vars_files', 'vars_prompt', 'roles', 'pre_tasks', 'tasks', 'post_tasks', 'handlers', 'tags',
]);

/** Reads one play mapping; `scope` is rooted at the playbook file the play is written in. */
export function loadPlay(ds: Record<string, unknown>, scope: LoadScope, importedBy: PlaybookImport | undefined): Play {
  const play = ds;
  checkUser(play);
  rejectUnknownKeys(play, PLAY_KEYWORDS, 'Play', (key) => key === 'user');
  const location = locate(ds) ?? { file: scope.file, line: 1, column: 1 };
  const hosts = readHosts(play, location);
  checkKeywordTypes(play);
  const importVars = importedVars(importedBy);
  const vars = { ...readVars(play, 'Play'), ...importVars };
  const varsPrompt = readVarsPrompt(play);
  const promptDefaults = Object.fromEntries(varsPrompt.filter((p) => 'default' in p.options).map((p) => [p.name, p.options['default']]));
  const playScope: LoadScope = { ...scope, vars: { ...vars, ...promptDefaults, ...scope.vars } };
  const tags = [...readTags(play)];
  for (let imp = importedBy; imp; imp = imp.parent) for (const tag of readTags(imp.keywords)) if (!tags.includes(tag)) tags.push(tag);

  const rolesDs = play['roles'];
  if (rolesDs !== undefined && rolesDs !== null && !Array.isArray(rolesDs)) {
    throw parserError('TSIBLE_PLAYBOOK_TYPE', 'A malformed role declaration was encountered.', locate(play, 'roles'), `'roles' must be a list, got ${pythonTypeName(rolesDs)}`);
  }
  const roles = (rolesDs ?? []).map((entry, index) => loadRole(readRoleEntry(entry, rolesDs as unknown[], index, playScope), playScope));
  const section = (key: string, isHandler = false) => loadBlockList(play[key], play, key, { ...playScope, isHandler }, undefined);

  return {
    kind: 'play',
    name: play['name'] === undefined || play['name'] === null ? undefined : String(play['name']),
    hosts,
    hostsLocation: locate(play, 'hosts') ?? location,
    keywords: playKeywords(play),
    vars,
    varsFiles: readList(play['vars_files']),
    varsPrompt,
    roles,
    preTasks: section('pre_tasks'),
    tasks: section('tasks'),
    postTasks: section('post_tasks'),
    handlers: section('handlers', true),
    tags,
    file: scope.file,
    basedir: scope.basedir,
    ...(importedBy ? { importedBy } : {}),
    location,
  };
}

/** The old `user:` keyword is accepted as `remote_user:`, but not both. */
function checkUser(ds: Record<string, unknown>): void {
  if ('user' in ds && 'remote_user' in ds) {
    throw parserError('TSIBLE_PLAYBOOK_INVALID_ATTRIBUTE', "both 'user' and 'remote_user' are set for this play. The use of 'user' is deprecated, and should be removed", locate(ds, 'user'));
  }
}

function playKeywords(play: Record<string, unknown>): Record<string, unknown> {
  const { user, ...rest } = keywordsWithout(play, PLAY_STRUCTURE);
  return user === undefined ? rest : { ...rest, remote_user: user };
}

function readHosts(play: Record<string, unknown>, location: Play['location']): string[] {
  if (!('hosts' in play)) {
    throw parserError('TSIBLE_PLAYBOOK_NO_HOSTS', "the field 'hosts' is required but was not set", location, 'add `hosts: <pattern>` to the play (e.g. `hosts: all`)');
  }
  const value = play['hosts'];
  const where = locate(play, 'hosts');
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
    throw parserError('TSIBLE_PLAYBOOK_HOSTS', 'Hosts list cannot be empty. Please check your playbook', where);
  }
  if (Array.isArray(value)) {
    return value.map((entry) => {
      if (entry === null) throw parserError('TSIBLE_PLAYBOOK_HOSTS', "Hosts list cannot contain values of 'None'. Please check your playbook", where);
      if (typeof entry !== 'string') throw parserError('TSIBLE_PLAYBOOK_HOSTS', `Hosts list contains an invalid host value: '${String(entry)}'`, where);
      return entry;
    });
  }
  if (typeof value !== 'string') throw parserError('TSIBLE_PLAYBOOK_HOSTS', 'Hosts list must be a sequence or string. Please check your playbook.', where);
  return [value];
}

function readVarsPrompt(play: Record<string, unknown>): VarsPrompt[] {
  const value = play['vars_prompt'];
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((entry, index) => {
    if (!isMapping(entry) || typeof entry['name'] !== 'string') {
      throw parserError('TSIBLE_PLAYBOOK_VARS_PROMPT', "Invalid vars_prompt data structure, missing 'name' key", locate(list, index) ?? locate(play, 'vars_prompt'));
    }
    return { name: entry['name'], options: { ...entry }, location: locate(entry) ?? locate(play, 'vars_prompt')! };
  });
}

function readList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Vars of the import_playbook entries that brought the play in, innermost winning. */
function importedVars(importedBy: PlaybookImport | undefined): Record<string, unknown> {
  const chain: PlaybookImport[] = [];
  for (let imp = importedBy; imp; imp = imp.parent) chain.unshift(imp);
  return Object.assign({}, ...chain.map((imp) => (isMapping(imp.keywords['vars']) ? imp.keywords['vars'] : {}))) as Record<string, unknown>;
}
