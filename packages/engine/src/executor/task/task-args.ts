import { isOmit } from '../../template/omit.js';
import type { Templar } from '../../template/templar.js';
import type { Task } from '../../playbook/model.js';
import { isMapping } from '../../playbook/errors.js';
import { shortActionName } from '../../playbook/args/action-names.js';

/** Arguments with every value equal to `omit` removed, at any depth of mappings (Ansible's remove_omit). */
export function withoutOmitted(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => !isOmit(v)).map(withoutOmitted);
  if (isMapping(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) if (!isOmit(inner)) out[key] = withoutOmitted(inner);
    return out;
  }
  return value;
}

/** module_defaults for this action (by short or full name, or `group/...` is not supported), from the play down to the task. */
export function moduleDefaultsFor(task: Task, inherited: readonly unknown[], templar: Templar): Record<string, unknown> {
  const short = shortActionName(task.resolvedAction);
  let defaults: Record<string, unknown> = {};
  for (const level of inherited) {
    const list = Array.isArray(level) ? level : [level];
    for (const entry of list) {
      if (!isMapping(entry)) continue;
      for (const [name, values] of Object.entries(entry)) {
        if (shortActionName(name) === short && isMapping(values)) defaults = { ...defaults, ...(templar.render(values, { location: task.location }) as Record<string, unknown>) };
      }
    }
  }
  return defaults;
}

/** The task's arguments templated for one host, except those the action reads raw. */
export function renderArgs(task: Task, templar: Templar, raw: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(task.args)) {
    out[key] = raw.includes(key) ? value : templar.render(value, { location: task.location });
  }
  return withoutOmitted(out) as Record<string, unknown>;
}
