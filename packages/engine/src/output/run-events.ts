import type { ModuleResult } from '../module-api/module.js';
import type { HostStats } from '../executor/host-stats.js';
import type { TaskStatus } from '../executor/module-task.js';
import type { EngineEvent, EventSink } from './events.js';
import { makeEvent } from './events.js';

/** A task as reporters show it. */
export interface TaskInfo {
  /** `role : name`, or the action when unnamed. */
  label: string;
  action: string;
  isHandler: boolean;
  location: string;
  /** The result of every host should be hidden (no_log). */
  noLog: boolean;
}

/** What a playbook run reports, in order. */
export type RunEvent =
  | { type: 'playbook.start'; file: string }
  | { type: 'play.start'; name: string; hostPatterns: readonly string[] }
  | { type: 'play.no_hosts' }
  | { type: 'task.start'; task: TaskInfo }
  | { type: 'host.result'; task: TaskInfo; host: string; status: TaskStatus; result: ModuleResult; ignored: boolean; start: number; end: number }
  | { type: 'host.item'; task: TaskInfo; host: string; status: TaskStatus; result: ModuleResult; label: string }
  | { type: 'host.retry'; task: TaskInfo; host: string; retriesLeft: number; result: ModuleResult }
  | { type: 'task.included'; task: TaskInfo; file: string; hosts: readonly string[]; label: string | undefined }
  | { type: 'play.no_more_hosts' }
  /** A serial batch stopped the playbook; `untouched` are the hosts of the batches that never ran. */
  | { type: 'play.batch_aborted'; batch: number; batches: number; failed: number; size: number; reason: string; untouched: readonly string[] }
  | { type: 'play.end' }
  | { type: 'run.recap'; stats: Readonly<Record<string, HostStats>>; customStats: Readonly<Record<string, unknown>> }
  | { type: 'run.interrupted' }
  /** A line an action or prompt shows among the results (pause's messages); as a banner when `banner` (--step's answer). */
  | { type: 'display'; text: string; banner?: boolean };

const CODE = 'runner.event';

export function emitRunEvent(sink: EventSink, event: RunEvent): void {
  sink.emit(makeEvent('info', CODE, event.type, { event }));
}

/** The runner event an engine event carries, if it is one. */
export function runEventOf(event: EngineEvent): RunEvent | undefined {
  if (event.code !== CODE || event.data === undefined) return undefined;
  return event.data['event'] as RunEvent;
}
