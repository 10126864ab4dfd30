import type { Block, ImportScope, RoleInstance, Task } from './model.js';

/** Anything a task inherits keywords from, nearest first (the play is not included). */
export type Ancestor = Block | ImportScope | RoleInstance;

/**
 * The chain a task inherits keywords through, nearest first: enclosing blocks
 * and import statements, then the role (and the roles that depend on it),
 * then whatever brought that role in (an import_role statement and its blocks).
 */
export function ancestorsOf(task: Task): Ancestor[] {
  const chain: Ancestor[] = [];
  let current: Block | ImportScope | undefined = task.parent;
  while (current) {
    chain.push(current);
    if (current.parent) {
      current = current.parent;
      continue;
    }
    const role: RoleInstance | undefined = current.role;
    current = undefined;
    for (let r: RoleInstance | undefined = role; r; r = r.dependentOf) {
      chain.push(r);
      if (!r.dependentOf) current = r.importedBy;
    }
  }
  return chain;
}

/** A task's own tags plus every inherited one (not the play's), in first-seen order. */
export function inheritedTags(task: Task): string[] {
  const tags = new Set<string>(task.tags);
  for (const ancestor of ancestorsOf(task)) for (const tag of ancestor.tags) tags.add(tag);
  return [...tags];
}

/** The first value of a keyword found on the task or its ancestors, for keywords that do not merge. */
export function inheritedKeyword(task: Task, keyword: string): unknown {
  if (keyword in task.keywords) return task.keywords[keyword];
  for (const ancestor of ancestorsOf(task)) if (keyword in ancestor.keywords) return ancestor.keywords[keyword];
  return undefined;
}

/** Every `when:` condition that gates the task, outermost first, as Ansible evaluates them. */
export function inheritedConditions(task: Task): unknown[] {
  const levels = [task.keywords['when'], ...ancestorsOf(task).map((a) => a.keywords['when'])];
  return levels
    .reverse()
    .filter((when) => when !== undefined && when !== null)
    .flatMap((when) => (Array.isArray(when) ? when : [when]));
}
