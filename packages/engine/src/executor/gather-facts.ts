import type { Block, Play, Task } from '../playbook/model.js';

/** The implicit first task of a play that gathers facts (`TASK [Gathering Facts]`). */
export function gatherFactsTask(play: Play): Task {
  const parent: Block = {
    kind: 'block',
    name: undefined,
    explicit: false,
    block: [],
    rescue: [],
    always: [],
    keywords: {},
    tags: [],
    parent: undefined,
    role: undefined,
    location: play.location,
  };
  const args: Record<string, unknown> = {};
  if (play.keywords['gather_subset'] !== undefined) args['gather_subset'] = play.keywords['gather_subset'];
  if (play.keywords['gather_timeout'] !== undefined) args['gather_timeout'] = play.keywords['gather_timeout'];
  if (play.keywords['fact_path'] !== undefined) args['fact_path'] = play.keywords['fact_path'];
  const task: Task = {
    kind: 'task',
    name: 'Gathering Facts',
    action: 'gather_facts',
    resolvedAction: 'setup',
    args,
    keywords: {},
    tags: ['always'],
    loop: undefined,
    delegateTo: undefined,
    listen: [],
    include: undefined,
    parent,
    role: undefined,
    location: play.location,
  };
  parent.block.push(task);
  return task;
}
