import { basename, dirname, join, resolve } from 'node:path';
import type { SourceLocation } from '../../errors/source-location.js';
import { closestName } from '../did-you-mean.js';
import { isMapping, loadError, parserError } from '../errors.js';
import { pythonTypeName } from '../python-type-name.js';
import { ROLE_ENTRY_KEYWORDS } from '../keywords.js';
import type { Block, ImportScope, Keywords, RoleInstance } from '../model.js';
import { renderAtLoad } from '../load-time-templates.js';
import { locate, readYamlFile } from '../yaml-source.js';
import { loadBlockList } from './blocks.js';
import { checkKeywordTypes, readTags, toBoolean } from './keyword-checks.js';
import { findYamlFile, isDirectory } from './paths.js';
import type { LoadScope } from './scope.js';

/** A role as named by a `roles:` entry, a meta dependency or an import_role. */
export interface RoleSpec {
  name: string;
  location: SourceLocation | undefined;
  params: Record<string, unknown>;
  keywords: Keywords;
  tags: string[];
  tasksFrom?: string | undefined;
  handlersFrom?: string | undefined;
  varsFrom?: string | undefined;
  defaultsFrom?: string | undefined;
  /** For meta dependencies: the directory holding the dependent role, searched too. */
  roleBasedir?: string | undefined;
  dependentOf?: RoleInstance | undefined;
  importedBy?: ImportScope | undefined;
  fromInclude: boolean;
}

/** Reads one `roles:` or `dependencies:` entry: a name, or a mapping with `role:`/`name:` plus keywords and params. */
export function readRoleEntry(ds: unknown, list: unknown[], index: number, scope: LoadScope, roleBasedir?: string): RoleSpec {
  const location = locate(list, index);
  if (typeof ds === 'string' || typeof ds === 'number') {
    return { name: String(ds), location, params: {}, keywords: {}, tags: [], roleBasedir, fromInclude: false };
  }
  if (!isMapping(ds)) {
    throw parserError('TSIBLE_PLAYBOOK_ROLE_ENTRY', 'role definitions must contain a role name', location, `got ${pythonTypeName(ds)}`);
  }
  const name = ds['role'] ?? ds['name'];
  if (typeof name !== 'string' || name === '') {
    throw parserError('TSIBLE_PLAYBOOK_ROLE_ENTRY', 'role definitions must contain a role name', location);
  }
  checkKeywordTypes(ds);
  const params: Record<string, unknown> = {};
  const keywords: Keywords = {};
  for (const [key, value] of Object.entries(ds)) {
    if (key === 'role' || key === 'name' || key === 'tags') continue;
    if (ROLE_ENTRY_KEYWORDS.has(key)) keywords[key] = value;
    else {
      params[key] = value;
      const near = closestName(key, ROLE_ENTRY_KEYWORDS);
      if (near !== undefined) {
        const where = locate(ds, key);
        scope.events.warn('playbook.role-param', `${where ? `${where.file}:${where.line}:${where.column}: ` : ''}'${key}' is passed to role '${name}' as a parameter; did you mean the keyword '${near}'?`);
      }
    }
  }
  return { name, location, params, keywords, tags: readTags(ds), roleBasedir, fromInclude: false };
}

/**
 * The directory of a role, searched as Ansible does, and the name it goes by
 * (as written, or the directory name when only found as a plain path). The
 * error lists every place looked at.
 */
export function resolveRolePath(name: string, scope: LoadScope, location: SourceLocation | undefined, roleBasedir?: string): { name: string; path: string } {
  const result = renderAtLoad(name, scope.vars, scope.sink);
  if (!result.ok) {
    throw loadError('TSIBLE_PLAYBOOK_ROLE_TEMPLATE', result.reason, location, `the role name '${name}' can only use extra vars and play vars`);
  }
  const rendered = String(result.value);
  const searched = [join(scope.basedir, 'roles'), ...scope.rolesPath, ...(roleBasedir ? [roleBasedir] : []), scope.basedir];
  for (const dir of searched) {
    const path = resolve(dir, rendered);
    if (isDirectory(path)) return { name: rendered, path };
  }
  const asPath = resolve(rendered);
  if (isDirectory(asPath)) return { name: basename(rendered), path: asPath };
  throw loadError('TSIBLE_PLAYBOOK_ROLE_NOT_FOUND', `the role '${rendered}' was not found in ${searched.join(':')}`, location);
}

/** Loads a role directory: defaults, vars, meta dependencies, tasks and handlers. */
export function loadRole(spec: RoleSpec, scope: LoadScope): RoleInstance {
  const { name, path } = resolveRolePath(spec.name, scope, spec.location, spec.roleBasedir);
  const marker = `role:${path}`;
  if (scope.stack.includes(marker)) {
    throw parserError('TSIBLE_PLAYBOOK_ROLE_CYCLE', `recursive dependency loop detected for role '${basename(path)}'`, spec.location);
  }
  const stack = [...scope.stack, marker];
  const meta = readMapping(path, 'meta', 'main', false, spec.location, scope) ?? {};
  const role: RoleInstance = {
    name,
    path,
    params: spec.params,
    keywords: spec.keywords,
    tags: spec.tags,
    defaults: readMapping(path, 'defaults', spec.defaultsFrom ?? 'main', spec.defaultsFrom !== undefined, spec.location, scope) ?? {},
    vars: readMapping(path, 'vars', spec.varsFrom ?? 'main', spec.varsFrom !== undefined, spec.location, scope) ?? {},
    tasks: [],
    handlers: [],
    dependencies: [],
    allowDuplicates: toBoolean(meta['allow_duplicates']) ?? false,
    dependentOf: spec.dependentOf,
    importedBy: spec.importedBy,
    fromInclude: spec.fromInclude,
    location: spec.location ?? { file: path, line: 1, column: 1 },
  };
  const roleScope: LoadScope = { ...scope, role, stack };
  const deps = meta['dependencies'];
  if (deps !== undefined && deps !== null) {
    if (!Array.isArray(deps)) throw parserError('TSIBLE_PLAYBOOK_ROLE_META', "the 'dependencies' of a role must be a list", locate(meta, 'dependencies'));
    deps.forEach((dep, index) => {
      const depSpec = readRoleEntry(dep, deps, index, roleScope, dirname(path));
      role.dependencies.push(loadRole({ ...depSpec, dependentOf: role }, { ...scope, stack }));
    });
  }
  role.tasks = readRoleTasks(role, 'tasks', spec.tasksFrom, roleScope);
  role.handlers = readRoleTasks(role, 'handlers', spec.handlersFrom, { ...roleScope, isHandler: true });
  return role;
}

function readRoleTasks(role: RoleInstance, subdir: 'tasks' | 'handlers', from: string | undefined, scope: LoadScope): Block[] {
  const file = findYamlFile(join(role.path, subdir), from ?? 'main');
  if (file === undefined) {
    if (from !== undefined) throw loadError('TSIBLE_PLAYBOOK_ROLE_FILE', `Could not find specified file in role: ${subdir}/${from}`, role.location);
    return [];
  }
  const data = readYamlFile(file, scope.sink);
  if (data !== null && data !== undefined && !Array.isArray(data)) {
    throw parserError('TSIBLE_PLAYBOOK_TYPE', `The ${subdir}/${basename(file)} file for role '${role.name}' must contain a list of tasks`, locate(data) ?? { file, line: 1, column: 1 });
  }
  return loadBlockList(data, undefined, undefined, { ...scope, file }, undefined);
}

function readMapping(
  rolePath: string,
  subdir: string,
  base: string,
  required: boolean,
  location: SourceLocation | undefined,
  scope: LoadScope,
): Record<string, unknown> | undefined {
  const file = findYamlFile(join(rolePath, subdir), base);
  if (file === undefined) {
    if (required) throw loadError('TSIBLE_PLAYBOOK_ROLE_FILE', `Could not find specified file in role: ${subdir}/${base}`, location);
    return undefined;
  }
  const data = readYamlFile(file, scope.sink);
  if (data === null || data === undefined) return undefined;
  if (!isMapping(data)) {
    throw parserError('TSIBLE_PLAYBOOK_TYPE', `The ${subdir}/${basename(file)} file must contain a dictionary of variables`, locate(data) ?? { file, line: 1, column: 1 });
  }
  return data;
}

/** A role's blocks in run order: its dependencies' (recursively) first, then its own. */
export function roleBlocksInOrder(role: RoleInstance): Block[] {
  return [...role.dependencies.flatMap(roleBlocksInOrder), ...role.tasks];
}
