import type { Block, Play, RoleInstance, Task, TaskListEntry } from './model.js';
import { roleBlocksInOrder } from './load/roles.js';

/**
 * A play's blocks in run order, as Ansible compiles them: pre_tasks, then each
 * role (its dependencies first), then tasks, then post_tasks. Roles listed
 * twice appear twice; whether a repeated role runs again is the runner's call.
 */
export function compilePlay(play: Play): Block[] {
  return [
    ...play.preTasks,
    ...play.roles.filter((role) => !role.fromInclude).flatMap(roleBlocksInOrder),
    ...play.tasks,
    ...play.postTasks,
  ];
}

/**
 * The handler blocks a play can notify, in Ansible's order: those of its
 * roles (dependencies first), then those of roles brought in by import_role,
 * then the play's own.
 */
export function compileHandlers(play: Play): Block[] {
  const roleHandlers = (role: RoleInstance): Block[] => [...role.dependencies.flatMap(roleHandlers), ...role.handlers];
  const importedRoles = [...play.preTasks, ...play.tasks, ...play.postTasks, ...play.roles.flatMap((r) => r.tasks)].flatMap(importedRolesIn);
  return [...play.roles.flatMap(roleHandlers), ...importedRoles.flatMap(roleHandlers), ...play.handlers];
}

/** Roles brought in by import_role anywhere below a block (found through the import scopes of their tasks). */
function importedRolesIn(block: Block): RoleInstance[] {
  const found = new Set<RoleInstance>();
  for (const task of tasksOf([block])) {
    for (let role = task.role; role; role = role.dependentOf) {
      if (!role.dependentOf && role.importedBy?.importedRole === role) found.add(role);
    }
  }
  return [...found];
}

/** Every task of a list of blocks in order, descending into nested blocks (block, then rescue, then always). */
export function* tasksOf(entries: readonly TaskListEntry[]): Generator<Task> {
  for (const entry of entries) {
    if (entry.kind === 'block') {
      yield* tasksOf(entry.block);
      yield* tasksOf(entry.rescue);
      yield* tasksOf(entry.always);
    } else {
      yield entry;
    }
  }
}
