import type { Block, Task, TaskListEntry } from '../playbook/model.js';
import { comparePositions, iterateBlocks, type StepFeedback } from './host-iterator.js';

const where = { file: 'site.yml', line: 1, column: 1 };

function block(entries: TaskListEntry[], rescue: TaskListEntry[] = [], always: TaskListEntry[] = []): Block {
  const b: Block = { kind: 'block', name: undefined, explicit: true, block: entries, rescue, always, keywords: {}, tags: [], parent: undefined, role: undefined, location: where };
  for (const e of [...entries, ...rescue, ...always]) e.parent = b;
  return b;
}

function task(name: string): Task {
  return { kind: 'task', name, action: 'debug', resolvedAction: 'debug', args: {}, keywords: {}, tags: [], loop: undefined, delegateTo: undefined, listen: [], include: undefined, parent: undefined as unknown as Block, role: undefined, location: where };
}

/** Runs the iterator, failing the named tasks; returns the order tasks ran in and whether the host failed. */
function walk(blocks: Block[], failing: string[]): { ran: string[]; failed: boolean; rescued: string[] } {
  const ran: string[] = [];
  const rescued: string[] = [];
  const it = iterateBlocks(blocks, () => true, (t) => rescued.push(t.name ?? ''));
  let next = it.next();
  while (!next.done) {
    const name = next.value.task.name ?? '';
    ran.push(name);
    const feedback: StepFeedback = { failed: failing.includes(name), result: {}, includes: [] };
    next = it.next(feedback);
  }
  return { ran, failed: next.value, rescued };
}

describe('iterateBlocks', () => {
  it('a failure moves to rescue, always runs, the host goes on', () => {
    const blocks = [block([task('a'), task('b'), task('c')], [task('r')], [task('al')]), block([task('after')])];
    expect(walk(blocks, ['b'])).toEqual({ ran: ['a', 'b', 'r', 'al', 'after'], failed: false, rescued: ['b'] });
  });

  it('without rescue, always still runs and the host fails', () => {
    const blocks = [block([task('a'), task('b')], [], [task('al')]), block([task('after')])];
    expect(walk(blocks, ['a'])).toEqual({ ran: ['a', 'al'], failed: true, rescued: [] });
  });

  it('a failing rescue fails the host after always; nested blocks rescue outward', () => {
    expect(walk([block([task('a')], [task('r')], [task('al')])], ['a', 'r'])).toMatchObject({ ran: ['a', 'r', 'al'], failed: true });
    const nested = block([block([task('inner')], [], [task('inner-always')]), task('skipped')], [task('outer-rescue')]);
    expect(walk([nested], ['inner'])).toEqual({ ran: ['inner', 'inner-always', 'outer-rescue'], failed: false, rescued: ['inner'] });
  });

  it('orders positions as the play does', () => {
    expect(comparePositions([0, 1], [0, 2])).toBeLessThan(0);
    expect(comparePositions([1], [0, 5, 5])).toBeGreaterThan(0);
    expect(comparePositions([0, 0, 1], [0, 0])).toBeGreaterThan(0);
  });
});
