import type { Task } from '../../playbook/model.js';
import { roleChain } from '../../vars/role-vars.js';
import type { PlayContext } from '../run-context.js';

/** Where a task's relative files are found: its role (innermost first), then the playbook's directory. */
export function searchDirsOf(pc: PlayContext, task: Task): string[] {
  return [...roleChain(task.role).reverse().map((r) => r.path), pc.play.basedir];
}
