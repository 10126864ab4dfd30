import { TsibleError } from '../../errors/tsible-error.js';
import type { Loop, Task } from '../../playbook/model.js';
import type { Templar } from '../../template/templar.js';
import { isMapping } from '../../playbook/errors.js';
import { loopPosition } from '../../template/loop-position.js';

/** The items of `loop:` (must template to a list) or `with_<lookup>:`. */
export function loopItems(loop: Loop, templar: Templar, task: Task): unknown[] {
  // Items reach the task as lists, never tuples (an indexed_items pair shows as [0, 'a']).
  if (loop.keyword !== 'loop') return templar.loopItems(loop.keyword, loop.items, { location: task.location }).map((item) => (Array.isArray(item) ? [...item] : item));
  const items = templar.render(loop.items, { location: task.location });
  if (!Array.isArray(items)) {
    throw new TsibleError(`Invalid data passed to 'loop', it requires a list, got this instead: ${String(items)}. Hint: If you passed a list/dict of just one element, try adding wantlist=True to your lookup invocation or use q/query instead of lookup.`, {
      code: 'TSIBLE_LOOP_NOT_LIST',
      location: task.location,
    });
  }
  return items;
}

/** loop_control as written on the task, with Ansible's defaults. */
export interface LoopControl {
  loopVar: string;
  indexVar: string | undefined;
  label: unknown;
  pauseSeconds: number;
  extended: boolean;
}

export function loopControlOf(task: Task): LoopControl {
  const raw = task.keywords['loop_control'];
  const control = isMapping(raw) ? raw : {};
  const text = (key: string): string | undefined => (typeof control[key] === 'string' ? (control[key] as string) : undefined);
  return {
    loopVar: text('loop_var') ?? 'item',
    indexVar: text('index_var'),
    label: control['label'],
    pauseSeconds: Number(control['pause'] ?? 0) || 0,
    extended: control['extended'] === true || control['extended'] === 'yes' || control['extended'] === 'true',
  };
}

/** Variables one loop iteration sees: the item, its index and ansible_loop (with `extended`). */
export function iterationVars(control: LoopControl, items: readonly unknown[], index: number): Record<string, unknown> {
  const vars: Record<string, unknown> = { [control.loopVar]: items[index], ansible_loop_var: control.loopVar };
  if (control.indexVar !== undefined) {
    vars[control.indexVar] = index;
    vars['ansible_index_var'] = control.indexVar;
  }
  if (control.extended) {
    const length = items.length;
    vars['ansible_loop'] = {
      allitems: [...items],
      ...loopPosition(length, index),
      previtem: index > 0 ? items[index - 1] : undefined,
      nextitem: index < length - 1 ? items[index + 1] : undefined,
    };
  }
  return vars;
}
