import type { TaskInfo } from '../output/run-events.js';
import { taskLabel } from '../playbook/listing/format-listing.js';
import type { Task } from '../playbook/model.js';
import { layeredVars } from '../vars/layered-vars.js';
import type { PlayContext } from './run-context.js';
import { templarFor } from './task/run-task.js';

/** How a task is shown: its name templated with the first host's variables (as written when that fails). */
export function taskInfo(pc: PlayContext, task: Task, host: string | undefined, isHandler: boolean): TaskInfo {
  let name = task.name;
  if (name !== undefined && host !== undefined && name.includes('{')) {
    try {
      name = String(templarFor(pc, task, layeredVars(pc.varsInput, host, { task })).render(name));
    } catch {
      // Ansible shows the name as written when it cannot be templated yet.
    }
  }
  const noLog = task.keywords['no_log'] === true;
  // An unnamed include_role is shown as `include_role : <role>`, as Ansible names it.
  if (name === undefined && task.include?.kind === 'include_role' && typeof task.include.target === 'string') name = `${task.action} : ${task.include.target}`;
  return {
    label: taskLabel({ ...task, name }),
    action: task.resolvedAction,
    isHandler,
    location: `${task.location.file}:${task.location.line}`,
    noLog,
  };
}
