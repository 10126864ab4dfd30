import { Emitter } from '../output/events.js';
import type { RunContext } from './run-context.js';

const shown = new WeakMap<RunContext, Set<string>>();

/** A warning printed at most once per run, as Ansible's display repeats no warning. */
export function warnOnce(run: RunContext, message: string): void {
  const seen = shown.get(run) ?? new Set<string>();
  shown.set(run, seen);
  if (seen.has(message)) return;
  seen.add(message);
  new Emitter(run.sink).warn('play.strategy_warning', message);
}
