import { IMPORT_PLAYBOOK_HINT } from '../args/action-names.js';
import { join } from 'node:path';
import type { SourceLocation } from '../../errors/source-location.js';
import { resolveAction, type ResolvedAction } from '../args/mod-args.js';
import { isMapping, loadError, parserError } from '../errors.js';
import { pythonTypeName } from '../python-type-name.js';
import { pythonRepr } from '../../template/python/repr.js';
import { INCLUDE_ROLE_OPTIONS, INCLUDE_TASKS_OPTIONS, isLoopKeyword } from '../keywords.js';
import type { Block, DynamicInclude, Loop, Task, TaskListEntry } from '../model.js';
import { hasTemplate } from '../load-time-templates.js';
import { locate } from '../yaml-source.js';
import { importRole, importTasks } from './imports.js';
import { checkKeywordTypes, keywordsWithout, readTags, readVars } from './keyword-checks.js';
import { findTaskFile, findYamlFile } from './paths.js';
import { resolveRolePath } from './roles.js';
import type { LoadScope } from './scope.js';

/**
 * Reads one entry of a task list. Plain tasks and dynamic includes become one
 * Task; import_tasks / import_role are resolved here and return the blocks
 * they bring in.
 */
export function loadTaskEntry(entry: unknown, list: unknown[], index: number, scope: LoadScope, block: Block): TaskListEntry[] {
  if (!isMapping(entry)) {
    throw parserError(
      'TSIBLE_PLAYBOOK_TYPE',
      `A malformed block was encountered while loading a block. The ds (${pythonRepr(list)}) should be a dict but was a <class 'list'>`,
      locate(list, index),
      `each task must be a mapping (\`- name: ...\` then the module on the next line); entry ${index + 1} is ${pythonTypeName(entry)}`,
    );
  }
  const resolved = resolveAction(entry, { knownActions: scope.knownActions, isHandler: scope.isHandler });
  switch (resolved.resolved) {
    case 'import_tasks':
      return importTasks(entry, resolved, scope, block);
    case 'import_playbook':
      throw parserError('TSIBLE_PLAYBOOK_IMPORT', `'${resolved.action}' is not allowed in a task list`, locate(entry, resolved.sourceKey), IMPORT_PLAYBOOK_HINT);
    case 'import_role':
      return importRole(entry, resolved, scope, block);
    case 'include':
      scope.events.warn('playbook.deprecated', '"include" is deprecated, use include_tasks/import_tasks instead.');
      if (!hasLoop(entry) && isLiteral(includeTarget(resolved))) return importTasks(entry, resolved, scope, block);
      return [buildTask(entry, resolved, scope, block, includeTasks(entry, resolved, scope))];
    case 'include_tasks':
      return [buildTask(entry, resolved, scope, block, includeTasks(entry, resolved, scope))];
    case 'include_role':
      if (scope.isHandler) throw parserError('TSIBLE_PLAYBOOK_HANDLER_ROLE', `Using '${resolved.action}' as a handler is not supported.`, locate(entry, resolved.sourceKey));
      return [buildTask(entry, resolved, scope, block, includeRole(entry, resolved, scope))];
    default:
      return [buildTask(entry, resolved, scope, block, undefined)];
  }
}

const TASK_STRUCTURE = ['name', 'tags', 'args', 'action', 'local_action', 'loop', 'listen'];

export function buildTask(entry: Record<string, unknown>, resolved: ResolvedAction, scope: LoadScope, block: Block, include: DynamicInclude | undefined): Task {
  if (!scope.isHandler && 'listen' in entry) {
    throw parserError('TSIBLE_PLAYBOOK_INVALID_ATTRIBUTE', "'listen' is not a valid attribute for a Task", locate(entry, 'listen'), "'listen' belongs on handlers");
  }
  checkKeywordTypes(entry);
  readVars(entry, 'Task');
  const structural = new Set([...TASK_STRUCTURE, resolved.sourceKey, ...Object.keys(entry).filter((k) => k.startsWith('with_'))]);
  return {
    kind: scope.isHandler ? 'handler' : 'task',
    name: entry['name'] === undefined || entry['name'] === null ? undefined : String(entry['name']),
    action: resolved.action,
    resolvedAction: resolved.resolved,
    args: resolved.args,
    keywords: keywordsWithout(entry, structural),
    tags: readTags(entry),
    loop: readLoop(entry),
    delegateTo: resolved.delegateTo,
    listen: readListen(entry),
    include,
    parent: block,
    role: scope.role,
    location: locate(entry) ?? block.location,
  };
}

/** `loop:` or one `with_<lookup>:`; two of them is Ansible's "duplicate loop" error. */
export function readLoop(entry: Record<string, unknown>): Loop | undefined {
  let loop: Loop | undefined;
  for (const key of Object.keys(entry)) {
    if (!isLoopKeyword(key)) continue;
    const keyword = key === 'loop' ? 'loop' : key.slice('with_'.length);
    if (loop) throw loadError('TSIBLE_PLAYBOOK_DUPLICATE_LOOP', `duplicate loop in task: ${keyword === 'loop' ? loop.keyword : keyword}`, locate(entry, key));
    if (key !== 'loop' && (entry[key] === null || entry[key] === undefined)) {
      throw loadError('TSIBLE_PLAYBOOK_TYPE', `you must specify a value when using ${key}`, locate(entry, key));
    }
    loop = { keyword, items: entry[key] };
  }
  return loop;
}

function readListen(entry: Record<string, unknown>): string[] {
  const value = entry['listen'];
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.map(String);
  return [String(value)];
}

export function hasLoop(entry: Record<string, unknown>): boolean {
  return Object.keys(entry).some(isLoopKeyword);
}

function isLiteral(value: unknown): value is string {
  return typeof value === 'string' && !hasTemplate(value);
}

export function includeTarget(resolved: ResolvedAction): unknown {
  return resolved.args['file'] ?? resolved.args['_raw_params'];
}

/** Checks the options of an include/import of tasks and returns the file it names. */
export function checkTaskIncludeArgs(entry: Record<string, unknown>, resolved: ResolvedAction, allowApply: boolean): unknown {
  const invalid = Object.keys(resolved.args).filter((k) => !INCLUDE_TASKS_OPTIONS.has(k) || (k === 'apply' && !allowApply));
  if (invalid.length > 0) {
    throw parserError('TSIBLE_PLAYBOOK_INCLUDE_OPTIONS', `Invalid options for ${resolved.action}: ${invalid.join(',')}`, locate(entry, resolved.sourceKey));
  }
  const target = includeTarget(resolved);
  if (target === undefined || target === null || target === '') {
    throw parserError('TSIBLE_PLAYBOOK_INCLUDE_OPTIONS', `No file specified for ${resolved.action}`, locate(entry, resolved.sourceKey));
  }
  if (resolved.args['apply'] !== undefined && !isMapping(resolved.args['apply'])) {
    throw parserError('TSIBLE_PLAYBOOK_INCLUDE_OPTIONS', `Expected a dict for apply but got ${pythonTypeName(resolved.args['apply'])} instead`, locate(entry, resolved.sourceKey));
  }
  return target;
}

/** include_tasks stays dynamic; a literal file name is checked now so typos fail before anything runs. */
function includeTasks(entry: Record<string, unknown>, resolved: ResolvedAction, scope: LoadScope): DynamicInclude {
  const target = checkTaskIncludeArgs(entry, resolved, true);
  let resolvedPath: string | undefined;
  if (isLiteral(target)) {
    resolvedPath = findTaskFile(target, scope);
    if (resolvedPath === undefined) {
      throw loadError('TSIBLE_PLAYBOOK_FILE_NOT_FOUND', `Could not find or access '${target}'`, locate(entry, resolved.sourceKey), `looked beside ${scope.file}${scope.role ? ` and in ${scope.role.path}/tasks` : ''}`);
    }
  }
  const { _raw_params: _raw, file: _file, ...options } = resolved.args;
  void _raw;
  void _file;
  return { kind: 'include_tasks', target, resolvedPath, options };
}

/** tasks_from, handlers_from, vars_from, defaults_from written literally must name files of the role. */
function checkRoleFiles(rolePath: string, args: Record<string, unknown>, where: SourceLocation | undefined): void {
  for (const [option, subdir] of [['tasks_from', 'tasks'], ['handlers_from', 'handlers'], ['vars_from', 'vars'], ['defaults_from', 'defaults']] as const) {
    const file = args[option];
    if (!isLiteral(file)) continue;
    if (findYamlFile(join(rolePath, subdir), file) === undefined) {
      throw loadError('TSIBLE_PLAYBOOK_ROLE_FILE', `Could not find specified file in role: ${subdir}/${file}`, where, `${option} names a file under ${join(rolePath, subdir)}`);
    }
  }
}

/** Checks include_role/import_role options; returns the role name as written. */
export function checkRoleIncludeArgs(entry: Record<string, unknown>, resolved: ResolvedAction, allowApply: boolean): unknown {
  const invalid = Object.keys(resolved.args).filter((k) => !INCLUDE_ROLE_OPTIONS.has(k) || (k === 'apply' && !allowApply));
  if (invalid.length > 0) {
    throw parserError('TSIBLE_PLAYBOOK_INCLUDE_OPTIONS', `Invalid options for ${resolved.action}: ${invalid.join(',')}`, locate(entry, resolved.sourceKey));
  }
  const name = resolved.args['name'] ?? resolved.args['role'];
  if (name === undefined || name === null || name === '') {
    throw parserError('TSIBLE_PLAYBOOK_INCLUDE_OPTIONS', `'name' is a required field for ${resolved.action}.`, locate(entry, resolved.sourceKey));
  }
  return name;
}

function includeRole(entry: Record<string, unknown>, resolved: ResolvedAction, scope: LoadScope): DynamicInclude {
  const name = checkRoleIncludeArgs(entry, resolved, true);
  const where = locate(entry, resolved.sourceKey);
  const resolvedPath = isLiteral(name) ? resolveRolePath(name, scope, where).path : undefined;
  if (resolvedPath !== undefined) checkRoleFiles(resolvedPath, resolved.args, where);
  const { name: _name, role: _role, ...options } = resolved.args;
  void _name;
  void _role;
  return { kind: 'include_role', target: name, resolvedPath, options };
}
