import type { ModuleResult } from '../module-api/module.js';
import type { Block, Task, TaskListEntry } from '../playbook/model.js';
import type { IncludedBlocks } from './includes.js';

/** The next task for one host, where it sits in the play (for lockstep ordering), and what it inherits. */
export interface Step {
  task: Task;
  position: readonly number[];
  includeParams: Readonly<Record<string, unknown>> | undefined;
  includeRoleParams: Readonly<Record<string, unknown>> | undefined;
  /** A block around the task has a rescue section that will catch a failure. */
  rescuable: boolean;
}

/** What the strategy tells the iterator after running a step. */
export interface StepFeedback {
  /** Failed and not ignored. */
  failed: boolean;
  result: ModuleResult;
  /** The uncensored result, when `result` is censored (no_log): its facts still apply. */
  effects?: ModuleResult;
  includes: readonly IncludedBlocks[];
}

export type HostIterator = Generator<Step, boolean, StepFeedback>;

interface Frame {
  includeParams: Readonly<Record<string, unknown>> | undefined;
  includeRoleParams: Readonly<Record<string, unknown>> | undefined;
  rescueDepth: number;
}

/**
 * Walks a list of blocks for one host the way Ansible's play iterator does:
 * a failure in a block moves to its rescue, `always` runs either way, and a
 * rescued failure lets the host go on. Returns whether the host failed.
 */
export function* iterateBlocks(blocks: readonly Block[], selected: (task: Task) => boolean, onRescue: (failedTask: Task, result: ModuleResult) => void): HostIterator {
  return yield* entries(blocks, [], { includeParams: undefined, includeRoleParams: undefined, rescueDepth: 0 }, selected, onRescue);
}

function* entries(list: readonly TaskListEntry[], position: readonly number[], frame: Frame, selected: (task: Task) => boolean, onRescue: (failedTask: Task, result: ModuleResult) => void): HostIterator {
  for (let i = 0; i < list.length; i++) {
    const entry = list[i]!;
    const here = [...position, i];
    if (entry.kind === 'block') {
      if (yield* block(entry, here, frame, selected, onRescue)) return true;
      continue;
    }
    if (!selected(entry)) continue;
    const feedback: StepFeedback = yield { task: entry, position: here, includeParams: frame.includeParams, includeRoleParams: frame.includeRoleParams, rescuable: frame.rescueDepth > 0 };
    if (feedback.failed) {
      if (frame.rescueDepth > 0) onRescue(entry, feedback.result);
      return true;
    }
    for (let n = 0; n < feedback.includes.length; n++) {
      const included = feedback.includes[n]!;
      const inner: Frame = { ...frame, includeParams: included.params, includeRoleParams: included.roleParams ?? frame.includeRoleParams };
      if (yield* entries(included.blocks, [...here, n], inner, selected, onRescue)) return true;
    }
  }
  return false;
}

function* block(b: Block, position: readonly number[], frame: Frame, selected: (task: Task) => boolean, onRescue: (failedTask: Task, result: ModuleResult) => void): HostIterator {
  const hasRescue = b.rescue.length > 0;
  let failed = yield* entries(b.block, [...position, 0], { ...frame, rescueDepth: frame.rescueDepth + (hasRescue ? 1 : 0) }, selected, onRescue);
  if (failed && hasRescue) failed = yield* entries(b.rescue, [...position, 1], frame, selected, onRescue);
  if (b.always.length > 0) {
    const alwaysFailed = yield* entries(b.always, [...position, 2], frame, selected, onRescue);
    failed = failed || alwaysFailed;
  }
  return failed;
}

/** Lexicographic order of positions: the task that comes first in the play runs first. */
export function comparePositions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
