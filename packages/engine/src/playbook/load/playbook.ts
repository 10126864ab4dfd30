import { dirname, relative, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { isMapping, loadError, parserError } from '../errors.js';
import { pythonTypeName } from '../python-type-name.js';
import { IMPORT_PLAYBOOK_KEYWORDS } from '../keywords.js';
import type { Play, Playbook, PlaybookImport } from '../model.js';
import { renderAtLoad } from '../load-time-templates.js';
import { locate, readYamlFile } from '../yaml-source.js';
import { checkKeywordTypes, readVars, rejectUnknownKeys } from './keyword-checks.js';
import { isFile } from './paths.js';
import { loadPlay } from './play.js';
import { rootScope, type LoadScope, type PlaybookLoadOptions } from './scope.js';

const IMPORT_KEYS = ['import_playbook', 'ansible.builtin.import_playbook', 'ansible.legacy.import_playbook'];

/**
 * Loads a playbook file into the typed model: plays with their roles, blocks,
 * tasks and handlers; import_playbook, import_tasks and import_role resolved.
 * Throws a TsibleError naming file:line:col for anything malformed.
 */
export function loadPlaybook(path: string, options: PlaybookLoadOptions): Playbook {
  const file = checkPlaybookPath(path, options.cwd);
  const scope = rootScope(options, dirname(file), file);
  const plays = loadPlaysFrom(file, scope, undefined);
  scope.events.debug('playbook.loaded', `${plays.length} plays in ${path}`);
  return { file, basedir: dirname(file), plays };
}

/** The playbook's absolute path; Ansible's errors when it is missing or not a file. */
export function checkPlaybookPath(path: string, cwd: string = process.cwd()): string {
  const file = resolve(cwd, path);
  if (!existsSync(file)) throw loadError('TSIBLE_PLAYBOOK_NOT_FOUND', `the playbook: ${path} could not be found`, undefined);
  if (!isFile(file)) throw loadError('TSIBLE_PLAYBOOK_NOT_FOUND', `the playbook: ${path} does not appear to be a file`, undefined);
  return file;
}

function loadPlaysFrom(file: string, scope: LoadScope, importedBy: PlaybookImport | undefined): Play[] {
  const data = readYamlFile(file, scope.sink);
  if (data === null || data === undefined || (Array.isArray(data) && data.length === 0)) {
    throw parserError('TSIBLE_PLAYBOOK_EMPTY', `Empty playbook, nothing to do: ${file}`, undefined);
  }
  if (!Array.isArray(data)) {
    throw parserError('TSIBLE_PLAYBOOK_NOT_LIST', `A playbook must be a list of plays, got a ${pythonTypeName(data)} instead: ${file}`, locate(data) ?? { file, line: 1, column: 1 });
  }
  const plays: Play[] = [];
  data.forEach((entry, index) => {
    if (!isMapping(entry)) {
      throw parserError(
        'TSIBLE_PLAYBOOK_ENTRY',
        "playbook entries must be either valid plays or 'import_playbook' statements",
        locate(data, index),
        'a play is a mapping with at least `hosts:`',
      );
    }
    const importKey = IMPORT_KEYS.find((key) => key in entry);
    if (importKey !== undefined) plays.push(...importPlaybook(entry, importKey, file, scope, importedBy));
    else plays.push(loadPlay(entry, scope, importedBy));
  });
  return plays;
}

function importPlaybook(entry: Record<string, unknown>, key: string, file: string, scope: LoadScope, parent: PlaybookImport | undefined): Play[] {
  rejectUnknownKeys(entry, IMPORT_PLAYBOOK_KEYWORDS, 'PlaybookInclude', (k) => IMPORT_KEYS.includes(k));
  checkKeywordTypes(entry);
  const vars = readVars(entry, 'PlaybookInclude');
  const where = locate(entry, key);
  const written = entry[key];
  if (typeof written !== 'string' || written.trim() === '') {
    throw parserError('TSIBLE_PLAYBOOK_IMPORT', 'import_playbook statements must specify the file name to import', where);
  }
  const rendered = renderAtLoad(written.trim(), { ...vars, ...scope.vars }, scope.sink);
  const target = rendered.ok ? String(rendered.value) : undefined;
  if (target === undefined) {
    throw parserError('TSIBLE_PLAYBOOK_IMPORT_TEMPLATE', `Error when evaluating variable in import path: ${written}.`, where, 'import_playbook can only use variables from its own vars or extra vars');
  }
  const imported = resolve(dirname(file), target);
  if (!isFile(imported)) {
    throw loadError('TSIBLE_PLAYBOOK_FILE_NOT_FOUND', `Unable to retrieve file contents\nCould not find or access '${imported}' on the Ansible Controller.`, where);
  }
  if (scope.stack.includes(imported)) {
    throw parserError('TSIBLE_PLAYBOOK_IMPORT_CYCLE', `${target} imports itself (through ${scope.stack.map((f) => relative(scope.basedir, f)).join(' → ')})`, where);
  }
  const importedBy: PlaybookImport = { file: imported, keywords: { ...entry }, location: locate(entry) ?? { file, line: 1, column: 1 }, ...(parent ? { parent } : {}) };
  delete importedBy.keywords[key];
  const childScope: LoadScope = { ...scope, basedir: dirname(imported), file: imported, stack: [...scope.stack, imported] };
  return loadPlaysFrom(imported, childScope, importedBy);
}
