import { setTimeout as sleep } from 'node:timers/promises';
import { TsibleError } from '../../errors/tsible-error.js';
import type { ModuleResult } from '../../module-api/module.js';
import { toBoolean } from '../../module-api/type-conversion.js';
import { emitRunEvent, type TaskInfo } from '../../output/run-events.js';
import type { Task } from '../../playbook/model.js';
import { pythonStr } from '../../template/python/repr.js';
import { Templar } from '../../template/templar.js';
import { layeredVars, type TaskScope } from '../../vars/layered-vars.js';
import { statusOf, type TaskStatus } from '../module-task.js';
import type { PlayContext } from '../run-context.js';
import { applyResultConditions, falseCondition } from './conditions.js';
import { executeAction, keywordValue } from './execute-action.js';
import { iterationVars, loopControlOf, loopItems } from './loop-items.js';
import { censored, shownResult } from './no-log.js';
import { taskErrorMessage } from './error-context.js';
import { searchDirsOf } from './search-dirs.js';

/** One host's result for one task, before the strategy decides what it means for the play. */
export interface HostTaskResult {
  status: TaskStatus;
  /** The result as output shows it (censored under no_log). */
  result: ModuleResult;
  /** The uncensored result whose facts and other effects apply, when `result` is censored. */
  effects?: ModuleResult;
  /** ignore_errors / ignore_unreachable said to go on. */
  ignored: boolean;
  start: number;
  end: number;
}

/** The templar for one host and task, searching the task's role and playbook directories. */
export function templarFor(pc: PlayContext, task: Task, vars: Record<string, unknown>): Templar {
  return new Templar({ vars, sink: pc.run.sink, searchPaths: searchDirsOf(pc, task), environment: pc.run.templateEnvironment });
}

const SKIPPED = 'Conditional result was False';

/** Keys Ansible keeps out of registered variables. */
function registered(result: ModuleResult): ModuleResult {
  return Object.fromEntries(Object.entries(result).filter(([key]) => !key.startsWith('_ansible_'))) as ModuleResult;
}

function skippedResult(): ModuleResult {
  return { changed: false, skipped: true, skip_reason: SKIPPED };
}

/** until/retries/delay around one execution, with changed_when/failed_when applied to each attempt. */
async function attempt(pc: PlayContext, scope: TaskScope, host: string, vars: Record<string, unknown>, info: TaskInfo, noLog: boolean): Promise<ModuleResult> {
  const { task } = scope;
  const templar = templarFor(pc, task, vars);
  const until = task.keywords['until'];
  const retries = until === undefined ? 1 : Math.max(1, Number(keywordValue(pc, task, 'retries', templar) ?? 3) + 1);
  const delay = Math.max(0, Number(keywordValue(pc, task, 'delay', templar) ?? 5));
  const register = typeof task.keywords['register'] === 'string' ? (task.keywords['register'] as string) : undefined;
  let result: ModuleResult = {};
  for (let n = 1; n <= retries; n++) {
    result = await executeAction(pc, task, host, vars, templar);
    const visible = register === undefined ? {} : { [register]: registered(result) };
    result = applyResultConditions(task, result, templar, visible);
    if (until === undefined) return result;
    result['attempts'] = n;
    const done = templar.evaluateConditional(until, { location: task.location, extraVars: { ...visible, [register ?? '_']: registered(result) } });
    if (done) return result;
    if (n < retries) {
      emitRunEvent(pc.run.sink, { type: 'host.retry', task: info, host, retriesLeft: retries - n, result: noLog ? censored(result) : result });
      await sleep(delay * 1000, undefined, { signal: pc.run.signal }).catch(() => undefined);
    }
  }
  return { ...result, attempts: retries - 1, failed: true };
}

function labelOf(pc: PlayContext, scope: TaskScope, vars: Record<string, unknown>, item: unknown, noLog: boolean, labelTemplate: unknown): string {
  if (noLog) return 'None';
  const value = labelTemplate === undefined ? item : templarFor(pc, scope.task, vars).render(labelTemplate, { location: scope.task.location });
  return pythonStr(value);
}

async function runLoop(pc: PlayContext, scope: TaskScope, host: string, base: Record<string, unknown>, info: TaskInfo, noLog: boolean): Promise<ModuleResult> {
  const { task } = scope;
  const items = loopItems(task.loop!, templarFor(pc, task, base), task);
  if (items.length === 0) return { changed: false, skipped: true, skipped_reason: 'No items in the list', results: [] };
  const control = loopControlOf(task);
  const results: ModuleResult[] = [];
  for (let index = 0; index < items.length; index++) {
    if (index > 0 && control.pauseSeconds > 0) await sleep(control.pauseSeconds * 1000, undefined, { signal: pc.run.signal }).catch(() => undefined);
    const loopVars = iterationVars(control, items, index);
    const vars = { ...base, ...loopVars };
    const templar = templarFor(pc, task, vars);
    let result = falseCondition(task, templar) === undefined ? await attempt(pc, scope, host, vars, info, noLog) : skippedResult();
    result = { ...result, ...loopVars, _ansible_item_label: labelOf(pc, scope, vars, items[index], noLog, control.label) };
    delete result['ansible_loop'];
    if (control.extended) result['ansible_loop'] = loopVars['ansible_loop'];
    results.push(result);
    // set_fact/include_vars items see the facts of the items before them.
    const facts = result['ansible_facts'];
    if ((task.resolvedAction === 'set_fact' || task.resolvedAction === 'include_vars') && result.failed !== true && facts !== null && typeof facts === 'object') Object.assign(base, facts);
    const shown = shownResult(result, noLog);
    emitRunEvent(pc.run.sink, { type: 'host.item', task: info, host, status: statusOf(result), result: shown, label: String(result['_ansible_item_label']) });
  }
  return aggregateLoop(results);
}

/** The task-level result of a loop, as Ansible builds it from its items. */
export function aggregateLoop(results: readonly ModuleResult[]): ModuleResult {
  const res: ModuleResult = { results: results.map(registered), changed: results.some((r) => r.changed === true) };
  const allSkipped = results.every((r) => r.skipped === true);
  if (results.some((r) => r.failed === true)) {
    res.failed = true;
    res.msg = 'One or more items failed';
  } else {
    res.msg = allSkipped ? 'All items skipped' : 'All items completed';
  }
  res.skipped = allSkipped;
  return res;
}

/**
 * Runs one task on one host: `when`, the loop, until/retries, register,
 * changed_when/failed_when, no_log. Template errors fail this host only.
 */
export async function runTaskOnHost(pc: PlayContext, scope: TaskScope, host: string, info: TaskInfo): Promise<HostTaskResult> {
  const { task } = scope;
  const start = Date.now();
  const base = layeredVars(pc.varsInput, host, scope);
  const templar = templarFor(pc, task, base);
  let noLog = false;
  let result: ModuleResult;
  try {
    noLog = toBoolean(keywordValue(pc, task, 'no_log', templar) ?? false);
    if (task.loop) {
      result = await runLoop(pc, scope, host, base, info, noLog);
    } else {
      result = falseCondition(task, templar) === undefined ? await attempt(pc, scope, host, base, info, noLog) : skippedResult();
    }
  } catch (err) {
    if (!(err instanceof TsibleError)) throw err;
    result = { failed: true, msg: taskErrorMessage(err, task.location), _ansible_no_log: false };
  }
  const register = task.keywords['register'];
  if (typeof register === 'string') pc.run.store.setHostFacts(host, { [register]: registered(result) });
  const status = statusOf(result);
  const ignoreErrors = toBoolean(safeKeyword(pc, task, 'ignore_errors', templar) ?? false);
  const ignoreUnreachable = toBoolean(safeKeyword(pc, task, 'ignore_unreachable', templar) ?? false);
  const ignored = (status === 'failed' && ignoreErrors) || (status === 'unreachable' && ignoreUnreachable);
  const shown = shownResult(result, noLog);
  return { status, result: shown, ...(shown === result ? {} : { effects: result }), ignored, start, end: Date.now() };
}

function safeKeyword(pc: PlayContext, task: Task, keyword: string, templar: Templar): unknown {
  try {
    return keywordValue(pc, task, keyword, templar);
  } catch {
    return undefined;
  }
}
