import { TsibleError } from '../errors/tsible-error.js';
import { compileHandlers, tasksOf } from '../playbook/compile.js';
import type { Task } from '../playbook/model.js';
import type { Templar } from '../template/templar.js';
import type { PlayContext } from './run-context.js';

/** Every handler the play can notify, in definition order (roles' first, then the play's, then included roles'). */
export function playHandlers(pc: PlayContext): Task[] {
  return [...tasksOf([...compileHandlers(pc.play), ...pc.dynamicHandlers])];
}

function namesOf(handler: Task, templar: Templar): string[] {
  const names: string[] = [];
  if (handler.name !== undefined) {
    let name = handler.name;
    try {
      name = String(templar.render(handler.name));
    } catch {
      // a name that cannot be templated is matched as written
    }
    names.push(name);
    if (handler.role) names.push(`${handler.role.name} : ${name}`);
  }
  return names;
}

/** Records that `host` notified the handlers named (or listening) as `notify` says. */
export function notify(pc: PlayContext, host: string, notifyValue: unknown, templar: Templar, task: Task): void {
  const wanted = (Array.isArray(notifyValue) ? notifyValue : [notifyValue]).map((n) => String(templar.render(n, { location: task.location })));
  const handlers = playHandlers(pc);
  for (const name of wanted) {
    const matching = handlers.filter((h) => namesOf(h, templar).includes(name) || h.listen.includes(name));
    if (matching.length === 0) {
      throw new TsibleError(`The requested handler '${name}' was not found in either the main handlers list nor in the listening handlers list`, {
        code: 'TSIBLE_HANDLER_NOT_FOUND',
        location: task.location,
      });
    }
    for (const handler of matching) {
      const key = handlerKey(handler);
      let hosts = pc.notified.get(key);
      if (!hosts) pc.notified.set(key, (hosts = new Set()));
      hosts.add(host);
    }
  }
}

const keys = new WeakMap<Task, string>();
let nextKey = 0;

/** A stable identity for a handler task. */
export function handlerKey(handler: Task): string {
  let key = keys.get(handler);
  if (key === undefined) keys.set(handler, (key = `handler-${nextKey++}`));
  return key;
}
