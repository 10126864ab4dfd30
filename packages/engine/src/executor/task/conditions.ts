import type { ModuleResult } from '../../module-api/module.js';
import type { Task } from '../../playbook/model.js';
import { inheritedConditions } from '../../playbook/inheritance.js';
import type { Templar } from '../../template/templar.js';

/** The task's `when:` and every inherited one: all must hold. */
export function whenHolds(task: Task, templar: Templar, extraVars?: Record<string, unknown>): boolean {
  const conditions = inheritedConditions(task);
  if (conditions.length === 0) return true;
  return conditions.every((c) => templar.evaluateConditional(c, { location: task.location, ...(extraVars ? { extraVars } : {}) }));
}

/** The first condition of `when:` that was false, as Ansible reports it. */
export function falseCondition(task: Task, templar: Templar, extraVars?: Record<string, unknown>): unknown {
  return inheritedConditions(task).find((c) => !templar.evaluateConditional(c, { location: task.location, ...(extraVars ? { extraVars } : {}) }));
}

/**
 * changed_when / failed_when over a result, with the registered variable
 * visible to the conditions, as Ansible evaluates them.
 */
export function applyResultConditions(task: Task, result: ModuleResult, templar: Templar, extraVars: Record<string, unknown>): ModuleResult {
  const out: ModuleResult = { ...result };
  const evaluate = (condition: unknown): boolean => templar.evaluateConditional(condition, { location: task.location, extraVars });
  if (task.keywords['changed_when'] !== undefined && out['unreachable'] !== true) out.changed = evaluate(task.keywords['changed_when']);
  if (task.keywords['failed_when'] !== undefined && out['unreachable'] !== true) {
    const failed = evaluate(task.keywords['failed_when']);
    out['failed_when_result'] = failed;
    out.failed = failed;
  }
  return out;
}
