import { relative } from 'node:path';
import type { ResolvedAction } from '../args/mod-args.js';
import { loadError, parserError } from '../errors.js';
import type { Block, ImportScope, TaskListEntry } from '../model.js';
import { renderAtLoad } from '../load-time-templates.js';
import { locate, readYamlFile } from '../yaml-source.js';
import { loadBlockList } from './blocks.js';
import { checkKeywordTypes, keywordsWithout, readTags, readVars } from './keyword-checks.js';
import { findTaskFile, taskFileCandidates } from './paths.js';
import { loadRole, roleBlocksInOrder } from './roles.js';
import type { LoadScope } from './scope.js';
import { checkRoleIncludeArgs, checkTaskIncludeArgs, hasLoop } from './tasks.js';

/** Keys of an import statement that are not keywords applied to what it brings in. */
function importKeywords(entry: Record<string, unknown>, resolved: ResolvedAction): Record<string, unknown> {
  return keywordsWithout(entry, new Set(['name', 'tags', 'args', resolved.sourceKey]));
}

function rejectLoop(entry: Record<string, unknown>, resolved: ResolvedAction, instead: string): void {
  if (hasLoop(entry)) {
    throw parserError(
      'TSIBLE_PLAYBOOK_IMPORT_LOOP',
      `You cannot use loops on '${resolved.action}' statements. You should use '${instead}' instead.`,
      locate(entry, resolved.sourceKey),
    );
  }
}

/**
 * import_tasks: the file is read now and its tasks take the statement's
 * keywords (tags, when, vars...) through an ImportScope parent.
 */
export function importTasks(entry: Record<string, unknown>, resolved: ResolvedAction, scope: LoadScope, block: Block): TaskListEntry[] {
  rejectLoop(entry, resolved, 'include_tasks');
  checkKeywordTypes(entry);
  readVars(entry, 'Task');
  const written = checkTaskIncludeArgs(entry, resolved, false);
  const where = locate(entry, resolved.sourceKey);
  const rendered = typeof written === 'string' ? renderAtLoad(written, scope.vars, scope.sink) : undefined;
  const target = rendered?.ok ? String(rendered.value) : undefined;
  if (target === undefined) {
    throw parserError(
      'TSIBLE_PLAYBOOK_IMPORT_TEMPLATE',
      `Error when evaluating variable in import path: ${String(written)}.`,
      where,
      'static imports can only use variables from vars, vars_files or extra vars; use include_tasks for anything else',
    );
  }
  const file = findTaskFile(target, scope);
  if (file === undefined) {
    const looked = taskFileCandidates(target, scope).map((p) => relative(scope.basedir, p) || p);
    throw loadError(
      'TSIBLE_PLAYBOOK_FILE_NOT_FOUND',
      `Unable to retrieve file contents\nCould not find or access '${taskFileCandidates(target, scope).at(-1)}' on the Ansible Controller.`,
      where,
      `looked for: ${looked.join(', ')}`,
    );
  }
  if (scope.stack.includes(file)) {
    throw parserError('TSIBLE_PLAYBOOK_IMPORT_CYCLE', `${target} imports itself (through ${scope.stack.slice(scope.stack.indexOf(file)).map((f) => relative(scope.basedir, f)).join(' → ')})`, where);
  }
  const data = readYamlFile(file, scope.sink);
  if (data === null || data === undefined || (Array.isArray(data) && data.length === 0)) {
    scope.events.warn('playbook.empty-import', `file ${file} is empty and had no tasks to include`);
    return [];
  }
  if (!Array.isArray(data)) {
    throw parserError('TSIBLE_PLAYBOOK_TYPE', 'included task files must contain a list of tasks', locate(data) ?? { file, line: 1, column: 1 });
  }
  scope.events.debug('playbook.import', `statically imported: ${file}`);
  const importScope: ImportScope = {
    kind: 'import',
    action: resolved.action,
    target: file,
    keywords: importKeywords(entry, resolved),
    tags: readTags(entry),
    parent: block,
    role: scope.role,
    location: locate(entry) ?? block.location,
  };
  return loadBlockList(data, undefined, undefined, { ...scope, file, stack: [...scope.stack, file] }, importScope);
}

/** import_role: the role is loaded now; its blocks (dependencies first) take the statement's keywords. */
export function importRole(entry: Record<string, unknown>, resolved: ResolvedAction, scope: LoadScope, block: Block): TaskListEntry[] {
  if (scope.isHandler) throw parserError('TSIBLE_PLAYBOOK_HANDLER_ROLE', `Using '${resolved.action}' as a handler is not supported.`, locate(entry, resolved.sourceKey));
  rejectLoop(entry, resolved, 'include_role');
  checkKeywordTypes(entry);
  readVars(entry, 'Task');
  const name = checkRoleIncludeArgs(entry, resolved, false);
  const where = locate(entry, resolved.sourceKey);
  if (typeof name !== 'string') throw parserError('TSIBLE_PLAYBOOK_ROLE_ENTRY', `the role name of ${resolved.action} must be a string`, where);
  const importScope: ImportScope = {
    kind: 'import',
    action: resolved.action,
    target: name,
    keywords: importKeywords(entry, resolved),
    tags: readTags(entry),
    parent: block,
    role: scope.role,
    location: locate(entry) ?? block.location,
  };
  const option = (key: string): string | undefined => (typeof resolved.args[key] === 'string' ? (resolved.args[key] as string) : undefined);
  const role = loadRole(
    {
      name,
      location: where,
      params: {},
      // The statement's keywords live on the import scope, which the role's tasks inherit through.
      keywords: {},
      tags: [],
      tasksFrom: option('tasks_from'),
      handlersFrom: option('handlers_from'),
      varsFrom: option('vars_from'),
      defaultsFrom: option('defaults_from'),
      importedBy: importScope,
      fromInclude: false,
    },
    scope,
  );
  importScope.target = role.path;
  importScope.importedRole = role;
  return roleBlocksInOrder(role);
}
