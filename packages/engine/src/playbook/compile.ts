import type { Block, Play, Task, TaskListEntry } from './model.js';
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
