import pLimit, { type LimitFunction } from 'p-limit';
import { TsibleError } from '../errors/tsible-error.js';
import type { ModuleResult } from '../module-api/module.js';
import { toBoolean } from '../module-api/type-conversion.js';
import { emitRunEvent, type TaskInfo } from '../output/run-events.js';
import type { Block, Task } from '../playbook/model.js';
import { layeredVars } from '../vars/layered-vars.js';
import { inheritedKeyword } from '../playbook/inheritance.js';
import { handlerKey, notify, playHandlers } from './handlers.js';
import { comparePositions, iterateBlocks, type HostIterator, type Step, type StepFeedback } from './host-iterator.js';
import { expandInclude, type IncludedBlocks } from './includes.js';
import { runMeta } from './meta.js';
import { countResult } from './play-stats.js';
import { applyResultEffects } from './result-effects.js';
import { activeHosts, type PlayContext } from './run-context.js';
import { falseCondition } from './task/conditions.js';
import { keywordValue } from './task/execute-action.js';
import { runTaskOnHost, templarFor, type HostTaskResult } from './task/run-task.js';
import { FIRST_HOST_ONLY_ACTIONS, RUN_ONCE_ACTIONS } from './actions/index.js';
import { taskInfo } from './task-info.js';
import { takeStep } from './step.js';
import { warnOnce } from './warn-once.js';

/** The play's `strategy` keyword. */
export type StrategyName = 'linear' | 'free' | 'host_pinned';

const PER_HOST_MAX_FAIL_WARNING = 'Using max_fail_percentage with the free strategy is not supported, as tasks are executed independently on each host';
const PER_HOST_FATAL_WARNING = 'Using any_errors_fatal with the free strategy is not supported, as tasks are executed independently on each host';

const OK_FEEDBACK = (result: ModuleResult): StepFeedback => ({ failed: false, result, includes: [] });

/**
 * Ansible's linear strategy: every host runs the same task before any host
 * moves on; a host in a rescue or always section runs its tasks while the
 * others wait. Handlers run at flush points for the hosts that notified them.
 */
export class LinearStrategy {
  private noMoreHostsShown = false;

  /** free / host_pinned: the task whose banner was shown last, so a host catching up does not repeat it. */
  private lastBanner: Task | undefined;

  /** The limiter of each throttled task. */
  private readonly throttles = new Map<Task, LimitFunction>();

  constructor(
    private readonly pc: PlayContext,
    private readonly selected: (task: Task) => boolean,
    private readonly mode: StrategyName = 'linear',
  ) {}

  /** Runs a list of blocks (a play section) over the play's active hosts. */
  async runBlocks(blocks: readonly Block[]): Promise<void> {
    if (this.mode !== 'linear') return this.runBlocksPerHost(blocks);
    const { pc } = this;
    const pending = new Map<string, { it: HostIterator; step: Step }>();
    for (const host of activeHosts(pc)) {
      const it = iterateBlocks(blocks, this.selected, (task, result) => this.rescueVars(host, task, result));
      this.advance(pending, host, it, it.next());
    }
    while (pending.size > 0 && !pc.endPlay && !pc.run.signal.aborted) {
      for (const host of [...pending.keys()]) if (!activeHosts(pc).includes(host)) pending.delete(host);
      if (pending.size === 0) break;
      const first = [...pending.values()].map((p) => p.step).sort((a, b) => comparePositions(a.position, b.position))[0]!;
      const group = [...pending.entries()].filter(([, p]) => p.step.task === first.task && comparePositions(p.step.position, first.position) === 0);
      const feedback = await this.runTask(first.task, new Map(group.map(([host, p]) => [host, p.step])), false);
      const unreachableNow = this.applyFatal(feedback, group.map(([host]) => host));
      for (const [host, p] of group) {
        if (pc.unreachable.has(host) || pc.ended.has(host)) {
          pending.delete(host);
          continue;
        }
        this.advance(pending, host, p.it, p.it.next(feedback.get(host) ?? OK_FEEDBACK({})));
      }
      if (feedback.size > 0 && !pc.fatal) this.checkMaxFailPercentage(unreachableNow);
      this.announceNoHostsLeft(pending.size > 0);
    }
  }

  /**
   * any_errors_fatal fired on this task: every other host of the batch is
   * failed and the batch ends. Returns the hosts that went unreachable on it.
   */
  private applyFatal(feedback: ReadonlyMap<string, StepFeedback>, ran: readonly string[]): string[] {
    const { pc } = this;
    const unreachableNow = ran.filter((host) => pc.unreachable.has(host));
    if (pc.fatal) {
      pc.endPlay = true;
      for (const host of activeHosts(pc)) if (!feedback.get(host)?.failed) pc.failed.add(host);
      for (const host of unreachableNow) pc.failedWhileUnreachable.add(host);
    }
    return unreachableNow;
  }

  /** As Ansible: NO MORE HOSTS LEFT after a fatal failure that left no host, or when no host is left for pending tasks. */
  private announceNoHostsLeft(pendingTasks: boolean): void {
    if (activeHosts(this.pc).length === 0 && (this.pc.fatal || pendingTasks) && !this.noMoreHostsShown) {
      this.noMoreHostsShown = true;
      emitRunEvent(this.pc.run.sink, { type: 'play.no_more_hosts' });
    }
  }

  /**
   * free and host_pinned: each host walks its tasks on its own, without
   * waiting for the others. At most `forks` hosts run a task at once; with
   * host_pinned a host keeps its slot until it has run every task.
   * max_fail_percentage and any_errors_fatal do not apply (Ansible warns):
   * only a batch where every host failed stops the rollout.
   */
  private async runBlocksPerHost(blocks: readonly Block[]): Promise<void> {
    const { pc } = this;
    if (pc.maxFailPercentage !== undefined && pc.maxFailPercentage !== null) warnOnce(pc.run, PER_HOST_MAX_FAIL_WARNING);
    const slots = pLimit(Math.max(1, pc.run.options.forks));
    const pinned = this.mode === 'host_pinned';
    const walk = async (host: string): Promise<void> => {
      const it = iterateBlocks(blocks, this.selected, (task, result) => this.rescueVars(host, task, result));
      let next = it.next();
      while (!next.done && !pc.endPlay && !pc.run.signal.aborted && activeHosts(pc).includes(host)) {
        const step = next.value;
        const run = (): Promise<Map<string, StepFeedback>> => this.runTask(step.task, new Map([[host, step]]), false);
        const feedback = await (pinned ? run() : slots(run));
        if (pc.unreachable.has(host) || pc.ended.has(host)) return;
        next = it.next(feedback.get(host) ?? OK_FEEDBACK({}));
      }
      if (next.done && next.value && !pc.unreachable.has(host)) pc.failed.add(host);
    };
    await Promise.all(activeHosts(pc).map((host) => (pinned ? slots(() => walk(host)) : walk(host))));
    // Ansible's free loop runs out of hosts (and says so) only when every host of the batch is unreachable.
    if (pc.hosts.every((h) => pc.unreachable.has(h)) && !this.noMoreHostsShown) {
      this.noMoreHostsShown = true;
      emitRunEvent(pc.run.sink, { type: 'play.no_more_hosts' });
    }
  }

  /**
   * max_fail_percentage, as Ansible checks it after each task: when the failed
   * share of the batch EXCEEDS the value, every host of the batch is failed
   * and the play stops (Ansible announces it twice). Unreachable hosts do not
   * count towards the share.
   */
  private checkMaxFailPercentage(unreachableNow: readonly string[]): void {
    const { pc } = this;
    const written = pc.maxFailPercentage;
    if (written === undefined || written === null || pc.maxFailExceeded !== undefined) return;
    const failed = pc.hosts.filter((h) => pc.failed.has(h)).length;
    // Ansible's percent type: 25 and "25%" are the same.
    const limit = Number.parseFloat(String(written));
    if (failed / pc.hosts.length <= limit / 100) return;
    for (const host of activeHosts(pc)) pc.failed.add(host);
    for (const host of unreachableNow) pc.failedWhileUnreachable.add(host);
    pc.maxFailExceeded = { failed, limit };
    pc.endPlay = true;
    this.noMoreHostsShown = true;
    emitRunEvent(pc.run.sink, { type: 'play.no_more_hosts' });
    emitRunEvent(pc.run.sink, { type: 'play.no_more_hosts' });
  }

  private advance(pending: Map<string, { it: HostIterator; step: Step }>, host: string, it: HostIterator, next: IteratorResult<Step, boolean>): void {
    if (next.done) {
      pending.delete(host);
      if (next.value && !this.pc.unreachable.has(host)) this.pc.failed.add(host);
      return;
    }
    pending.set(host, { it, step: next.value });
  }

  /** Entering a rescue: the failure is visible as ansible_failed_task / ansible_failed_result. */
  private rescueVars(host: string, task: Task, result: ModuleResult): void {
    const failedTask = { name: task.name ?? '', action: task.action, args: task.args };
    this.pc.run.store.setHostFacts(host, { ansible_failed_task: failedTask, ansible_failed_result: result });
  }

  /** Runs notified handlers, in definition order, for the hosts that notified them. */
  async flushHandlers(): Promise<void> {
    const { pc } = this;
    for (let round = 0; round < 10 && pc.notified.size > 0 && !pc.run.signal.aborted; round++) {
      for (const handler of playHandlers(pc)) {
        const key = handlerKey(handler);
        const notified = pc.notified.get(key);
        if (!notified || notified.size === 0) continue;
        pc.notified.delete(key);
        const hosts = pc.hosts.filter((h) => notified.has(h) && !pc.unreachable.has(h) && !pc.ended.has(h) && (pc.run.options.forceHandlers || !pc.failed.has(h)));
        if (hosts.length === 0) continue;
        const steps = new Map(hosts.map((h) => [h, { task: handler, position: [], includeParams: undefined, includeRoleParams: undefined, rescuable: false } satisfies Step]));
        const feedback = await this.runTask(handler, steps, true);
        for (const [host, fb] of feedback) if (fb.failed && !pc.unreachable.has(host)) pc.failed.add(host);
        // Ansible 2.14 runs handlers in the strategy's loop: any_errors_fatal and max_fail_percentage apply to them too.
        const unreachableNow = this.applyFatal(feedback, hosts);
        if (this.mode === 'linear' && feedback.size > 0 && !pc.fatal) this.checkMaxFailPercentage(unreachableNow);
        this.announceNoHostsLeft(false);
        if (pc.endPlay) return;
      }
    }
  }

  /** One task over a group of hosts at the same step; returns each host's feedback for its iterator. */
  private async runTask(task: Task, steps: ReadonlyMap<string, Step>, isHandler: boolean): Promise<Map<string, StepFeedback>> {
    const { pc } = this;
    const hosts = [...steps.keys()];
    if (task.resolvedAction === 'meta') {
      await runMeta(pc, task, hosts, taskInfo(pc, task, hosts[0], isHandler), this);
      return new Map(hosts.map((h) => [h, OK_FEEDBACK({ changed: false })]));
    }
    // --step: a task answered with no is passed over by every host of the group, unreported.
    if (!(await takeStep(pc.run, task, isHandler, this.mode === 'linear' ? undefined : hosts[0]))) return new Map(hosts.map((h) => [h, OK_FEEDBACK({})]));
    const info = taskInfo(pc, task, hosts[0], isHandler);
    if (this.mode !== 'linear' && this.anyErrorsFatal(task)) warnOnce(pc.run, PER_HOST_FATAL_WARNING);
    if (this.mode === 'linear' || this.lastBanner !== task) emitRunEvent(pc.run.sink, { type: 'task.start', task: info });
    this.lastBanner = task;
    const bypassesHostLoop = RUN_ONCE_ACTIONS.has(task.resolvedAction);
    const runOnce = bypassesHostLoop || this.runOnce(task, hosts[0]!, steps.get(hosts[0]!)!);
    if (this.mode !== 'linear' && runOnce) this.runOnceAlone(task, bypassesHostLoop);
    const targets = runOnce || FIRST_HOST_ONLY_ACTIONS.has(task.resolvedAction) ? hosts.slice(0, 1) : hosts;
    const limit = this.throttled(task, hosts[0]!, steps.get(hosts[0]!)!) ?? pLimit(Math.max(1, pc.run.options.forks));
    const feedback = new Map<string, StepFeedback>();
    const included: Array<{ host: string; include: IncludedBlocks }> = [];
    await Promise.all(
      targets.map((host) =>
        limit(async () => {
          const step = steps.get(host)!;
          if (task.include) {
            const fb = this.runInclude(task, step, host, info);
            // Ansible lists the files include_tasks brings in; an included role is not listed.
            if (task.include.kind === 'include_tasks') for (const include of fb.includes) included.push({ host, include });
            feedback.set(host, fb);
            return;
          }
          const outcome = await runTaskOnHost(pc, { task, includeParams: step.includeParams, includeRoleParams: step.includeRoleParams }, host, info);
          feedback.set(host, this.record(task, step, host, info, outcome, runOnce));
        }),
      ),
    );
    if (runOnce) this.shareRunOnce(task, hosts, feedback);
    this.reportIncludes(info, included);
    return feedback;
  }

  /**
   * `throttle` (task, block, role or play; templated): how many hosts run the
   * task at once. One limiter per task, so hosts running ahead under free
   * share it too.
   */
  private throttled(task: Task, host: string, step: Step): LimitFunction | undefined {
    const existing = this.throttles.get(task);
    if (existing) return existing;
    if (inheritedKeyword(task, 'throttle') === undefined && this.pc.play.keywords['throttle'] === undefined) return undefined;
    const templar = templarFor(this.pc, task, layeredVars(this.pc.varsInput, host, { task, includeParams: step.includeParams }));
    const value = Number(keywordValue(this.pc, task, 'throttle', templar) ?? 0);
    if (!Number.isInteger(value)) throw new TsibleError('Failed to convert the throttle value to an integer.', { code: 'TSIBLE_THROTTLE', location: task.location });
    if (value <= 0) return undefined;
    const limit = pLimit(Math.min(value, Math.max(1, this.pc.run.options.forks)));
    this.throttles.set(task, limit);
    return limit;
  }

  /** free and host_pinned: Ansible refuses actions that bypass the host loop and runs a run_once task on every host. */
  private runOnceAlone(task: Task, bypassesHostLoop: boolean): void {
    if (bypassesHostLoop) {
      throw new TsibleError(
        `The '${task.resolvedAction}' module bypasses the host loop, which is currently not supported in the free strategy and would instead execute for every host in the inventory list.`,
        { code: 'TSIBLE_FREE_BYPASS_HOST_LOOP', location: task.location, hint: 'run it in a play with strategy: linear' },
      );
    }
    warnOnce(this.pc.run, 'Using run_once with the free strategy is not currently supported. This task will still be executed for every host in the inventory list.');
  }

  private runOnce(task: Task, host: string, step: Step): boolean {
    const written = task.keywords['run_once'];
    if (written === undefined) return false;
    try {
      const templar = templarFor(this.pc, task, layeredVars(this.pc.varsInput, host, { task, includeParams: step.includeParams }));
      return toBoolean(keywordValue(this.pc, task, 'run_once', templar));
    } catch {
      return false;
    }
  }

  /** run_once: the other hosts take the first host's registered result and facts. */
  private shareRunOnce(task: Task, hosts: readonly string[], feedback: Map<string, StepFeedback>): void {
    const first = feedback.get(hosts[0]!);
    if (!first) return;
    const register = task.keywords['register'];
    for (const host of hosts.slice(1)) {
      if (typeof register === 'string') this.pc.run.store.setHostFacts(host, { [register]: this.pc.run.store.hostFactsOf(hosts[0]!)[register] });
      if (task.resolvedAction === 'set_fact' || task.resolvedAction === 'include_vars') applyResultEffects(this.pc.run, task, host, first.effects ?? first.result);
      feedback.set(host, first);
    }
  }

  private runInclude(task: Task, step: Step, host: string, info: TaskInfo): StepFeedback {
    const { pc } = this;
    try {
      const { result, includes } = expandInclude(pc, { task, includeParams: step.includeParams, includeRoleParams: step.includeRoleParams }, host, pc.run.loadOptions);
      if (result.skipped === true) {
        emitRunEvent(pc.run.sink, { type: 'host.result', task: info, host, status: 'skipped', result, ignored: false, start: Date.now(), end: Date.now() });
        countResult(pc.run.stats, host, 'skipped', result, false, false);
      } else if (task.include?.kind === 'include_tasks') {
        // Ansible counts each file include_tasks brings in (one per loop item); include_role is not counted.
        for (let n = 0; n < Math.max(1, includes.length); n++) countResult(pc.run.stats, host, 'ok', result, false, false);
      }
      return { failed: false, result, includes };
    } catch (err) {
      if (!(err instanceof TsibleError)) throw err;
      const result: ModuleResult = { failed: true, msg: err.message };
      return this.record(task, step, host, info, { status: 'failed', result, ignored: false, start: Date.now(), end: Date.now() });
    }
  }

  /** Reports, counts and applies one host's result; tells its iterator whether it failed. */
  private record(task: Task, step: Step, host: string, info: TaskInfo, outcome: HostTaskResult, runOnce = false): StepFeedback {
    const { pc } = this;
    // Ctrl-C: a command cut short is not part of what ran (Ansible reports nothing for it either).
    if (pc.run.signal.aborted) return { failed: false, result: outcome.result, includes: [] };
    emitRunEvent(pc.run.sink, { type: 'host.result', task: info, host, status: outcome.status, result: outcome.result, ignored: outcome.ignored, start: outcome.start, end: outcome.end });
    countResult(pc.run.stats, host, outcome.status, outcome.result, outcome.ignored, step.rescuable);
    applyResultEffects(pc.run, task, host, outcome.effects ?? outcome.result);
    if (outcome.status === 'changed' && task.keywords['notify'] !== undefined) {
      const templar = templarFor(pc, task, layeredVars(pc.varsInput, host, { task, includeParams: step.includeParams }));
      notify(pc, host, task.keywords['notify'], templar, task);
    }
    if (outcome.status === 'unreachable' && !outcome.ignored) pc.unreachable.add(host);
    const failed = (outcome.status === 'failed' || outcome.status === 'unreachable') && !outcome.ignored;
    // any_errors_fatal: a failure no rescue catches ends the play (and the run) for every host after this task.
    // Ansible's linear strategy treats a failed run_once task the same way.
    if (failed && !step.rescuable && this.mode === 'linear' && (runOnce || this.anyErrorsFatal(task))) pc.fatal = true;
    return { failed, result: outcome.result, ...(outcome.effects ? { effects: outcome.effects } : {}), includes: [] };
  }

  private anyErrorsFatal(task: Task): boolean {
    const written = inheritedKeyword(task, 'any_errors_fatal') ?? this.pc.play.keywords['any_errors_fatal'];
    return written !== undefined && written !== null ? toBoolean(written) : this.pc.run.options.anyErrorsFatal;
  }

  /** `included: FILE for HOSTS => (item=...)`, one line per file and item, after every host ran the include. */
  private reportIncludes(info: TaskInfo, included: ReadonlyArray<{ host: string; include: IncludedBlocks }>): void {
    const groups = new Map<string, { file: string; label: string | undefined; hosts: string[] }>();
    for (const { host, include } of included) {
      const key = JSON.stringify([include.file, include.label]);
      const group = groups.get(key) ?? { file: include.file, label: include.label, hosts: [] };
      group.hosts.push(host);
      groups.set(key, group);
    }
    for (const group of groups.values()) emitRunEvent(this.pc.run.sink, { type: 'task.included', task: info, file: group.file, hosts: group.hosts, label: group.label });
  }

  /** The hosts for which a meta task's `when` holds. */
  hostsWhere(task: Task, hosts: readonly string[]): string[] {
    return hosts.filter((host) => falseCondition(task, templarFor(this.pc, task, layeredVars(this.pc.varsInput, host, { task }))) === undefined);
  }
}
