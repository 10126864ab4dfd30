import { existsSync } from 'node:fs';
import path from 'node:path';
import { TsibleError } from '../errors/tsible-error.js';
import type { ModuleResult } from '../module-api/module.js';
import { isMapping } from '../playbook/errors.js';
import { loadBlockList } from '../playbook/load/blocks.js';
import { loadRole, roleBlocksInOrder } from '../playbook/load/roles.js';
import { rootScope, type LoadScope, type PlaybookLoadOptions } from '../playbook/load/scope.js';
import type { Block, ImportScope, RoleInstance, Task } from '../playbook/model.js';
import { readYamlFile } from '../playbook/yaml-source.js';
import { pythonStr } from '../template/python/repr.js';
import { layeredVars, type TaskScope } from '../vars/layered-vars.js';
import type { PlayContext } from './run-context.js';
import { falseCondition } from './task/conditions.js';
import { iterationVars, loopControlOf, loopItems } from './task/loop-items.js';
import { templarFor } from './task/run-task.js';

/** Blocks an include brought in for one host, with the variables they see as include parameters. */
export interface IncludedBlocks {
  blocks: Block[];
  params: Record<string, unknown>;
  /** include_role: the role's parameters. */
  roleParams: Record<string, unknown> | undefined;
  file: string;
  label: string | undefined;
}

export interface IncludeOutcome {
  result: ModuleResult;
  includes: IncludedBlocks[];
}

/** Loaded files per include task, so hosts including the same file share its tasks (and run them together). */
const cache = new WeakMap<Task, Map<string, Block[] | RoleInstance>>();

function cached<T extends Block[] | RoleInstance>(task: Task, key: string, load: () => T): T {
  let byKey = cache.get(task);
  if (!byKey) cache.set(task, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit !== undefined) return hit as T;
  const loaded = load();
  byKey.set(key, loaded);
  return loaded;
}

function loadScopeFor(options: PlaybookLoadOptions, pc: PlayContext, task: Task, file: string): LoadScope {
  return { ...rootScope(options, pc.play.basedir, file), role: task.role, stack: [file] };
}

/** The `apply:` keywords of an include: what every included task inherits. */
function applyScope(task: Task, target: string): ImportScope {
  const apply = task.include?.options['apply'];
  const keywords = isMapping(apply) ? { ...apply } : {};
  const tags = keywords['tags'];
  delete keywords['tags'];
  return {
    kind: 'import',
    action: task.resolvedAction,
    target,
    keywords,
    tags: Array.isArray(tags) ? tags.map(String) : typeof tags === 'string' ? [tags] : [],
    parent: task.parent,
    role: task.role,
    location: task.location,
  };
}

function findTaskFile(pc: PlayContext, task: Task, target: string): string | undefined {
  if (path.isAbsolute(target)) return existsSync(target) ? target : undefined;
  const dirs = [...(task.role ? [path.join(task.role.path, 'tasks')] : []), path.dirname(task.location.file), pc.play.basedir];
  return dirs.map((d) => path.join(d, target)).find((candidate) => existsSync(candidate));
}

function includeTasks(pc: PlayContext, options: PlaybookLoadOptions, task: Task, target: string): { blocks: Block[]; file: string } {
  const file = findTaskFile(pc, task, target);
  if (file === undefined) throw new TsibleError(`Could not find or access '${target}' on the Ansible Controller.`, { code: 'TSIBLE_INCLUDE_NOT_FOUND', location: task.location });
  const blocks = cached(task, file, () => {
    const data = readYamlFile(file, pc.run.sink);
    if (data === null || data === undefined) return [];
    if (!Array.isArray(data)) throw new TsibleError('included task files must contain a list of tasks', { code: 'TSIBLE_INCLUDE_TYPE', location: { file, line: 1, column: 1 } });
    return loadBlockList(data, undefined, undefined, loadScopeFor(options, pc, task, file), applyScope(task, file));
  });
  return { blocks, file };
}

function includeRole(pc: PlayContext, options: PlaybookLoadOptions, task: Task, name: string, args: Record<string, unknown>): { blocks: Block[]; file: string; role: RoleInstance } {
  const text = (key: string): string | undefined => (typeof args[key] === 'string' ? (args[key] as string) : undefined);
  const key = JSON.stringify([name, text('tasks_from'), text('vars_from'), text('defaults_from'), text('handlers_from')]);
  const role = cached(task, key, () => {
    const loaded = loadRole(
      {
        name,
        location: task.location,
        params: {},
        keywords: {},
        tags: [],
        tasksFrom: text('tasks_from'),
        handlersFrom: text('handlers_from'),
        varsFrom: text('vars_from'),
        defaultsFrom: text('defaults_from'),
        importedBy: applyScope(task, name),
        fromInclude: true,
      },
      loadScopeFor(options, pc, task, task.location.file),
    );
    pc.dynamicHandlers.push(...loaded.handlers);
    return loaded;
  });
  return { blocks: roleBlocksInOrder(role), file: role.path, role };
}

/**
 * include_tasks / include_role for one host: `when` and the loop decide how
 * many times; each time the file (or role) is found with this host's
 * variables and its blocks are handed to the host's iterator.
 */
export function expandInclude(pc: PlayContext, scope: TaskScope, host: string, options: PlaybookLoadOptions): IncludeOutcome {
  const { task } = scope;
  const include = task.include!;
  const base = layeredVars(pc.varsInput, host, scope);
  const control = loopControlOf(task);
  const iterations: Array<Record<string, unknown> | undefined> = task.loop ? loopItems(task.loop, templarFor(pc, task, base), task).map((_, i, all) => iterationVars(control, all, i)) : [undefined];
  const includes: IncludedBlocks[] = [];
  let ran = false;
  for (const loopVars of iterations) {
    const vars = { ...base, ...loopVars };
    const templar = templarFor(pc, task, vars);
    if (falseCondition(task, templar) !== undefined) continue;
    ran = true;
    const taskVars = isMapping(task.keywords['vars']) ? (templar.render(task.keywords['vars']) as Record<string, unknown>) : {};
    const params = { ...(scope.includeParams ?? {}), ...taskVars, ...(loopVars ?? {}) };
    const label = loopVars === undefined ? undefined : pythonStr(loopVars[control.loopVar]);
    if (include.kind === 'include_tasks') {
      const target = pythonStr(templar.render(include.target, { location: task.location }));
      const { blocks, file } = includeTasks(pc, options, task, target);
      includes.push({ blocks, params, roleParams: undefined, file, label });
    } else {
      const args = templar.render(include.options, { location: task.location }) as Record<string, unknown>;
      const name = pythonStr(templar.render(include.target, { location: task.location }));
      const { blocks, file } = includeRole(pc, options, task, name, args);
      includes.push({ blocks, params, roleParams: taskVars, file, label });
    }
  }
  const result: ModuleResult = ran ? { changed: false, include: includes[0]?.file } : { changed: false, skipped: true, skip_reason: 'Conditional result was False' };
  return { result, includes };
}
