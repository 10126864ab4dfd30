import { TsibleError } from '../errors/tsible-error.js';
import type { Task } from '../playbook/model.js';
import { emitRunEvent, type TaskInfo } from '../output/run-events.js';
import type { PlayContext } from './run-context.js';

/** What meta needs from the strategy running it. */
export interface MetaHost {
  flushHandlers(): Promise<void>;
  hostsWhere(task: Task, hosts: readonly string[]): string[];
}

/** Meta actions Ansible runs for every host; the others run once for the play. */
const PER_HOST = new Set(['noop', 'reset_connection', 'end_host', 'flush_handlers']);

function metaName(task: Task): string {
  const raw = task.args['_raw_params'] ?? task.args['free_form'];
  return typeof raw === 'string' ? raw.trim() : '';
}

/**
 * meta: actions on the play itself rather than on hosts. Like Ansible's
 * linear strategy, each host gets its own banner (a host whose `when` is
 * false shows as skipping, uncounted), and play-wide actions stop after the
 * first host.
 */
export async function runMeta(pc: PlayContext, task: Task, hosts: readonly string[], info: TaskInfo, strategy: MetaHost): Promise<void> {
  const name = metaName(task);
  const perHost = PER_HOST.has(name);
  const known = perHost || ['end_play', 'end_batch', 'clear_host_errors', 'refresh_inventory', 'clear_facts'].includes(name);
  if (!known) throw new TsibleError(`invalid meta action requested: ${name}`, { code: 'TSIBLE_META_UNKNOWN', location: task.location });
  const conditional = name !== 'noop' && name !== 'refresh_inventory' && name !== 'reset_connection';
  const chosen = new Set(conditional ? strategy.hostsWhere(task, hosts) : hosts);
  const applies: string[] = [];
  for (const host of perHost ? hosts : hosts.slice(0, 1)) {
    emitRunEvent(pc.run.sink, { type: 'task.start', task: info });
    if (!chosen.has(host)) {
      emitRunEvent(pc.run.sink, { type: 'host.result', task: info, host, status: 'skipped', result: { changed: false, skipped: true }, ignored: false, start: Date.now(), end: Date.now() });
      continue;
    }
    applies.push(host);
  }
  switch (name) {
    case 'flush_handlers':
      if (applies.length > 0) await strategy.flushHandlers();
      return;
    case 'end_play':
    case 'end_batch':
      if (applies.length > 0) {
        pc.endPlay = true;
        pc.endBatchOnly = name === 'end_batch';
      }
      return;
    case 'end_host':
      for (const host of applies) pc.ended.add(host);
      return;
    case 'clear_host_errors':
      if (applies.length > 0) {
        // As Ansible: the batch's failed and unreachable hosts no longer count against the run
        // (later plays take them again); in this play those that stopped stay stopped.
        for (const host of pc.hosts) {
          if (pc.failed.delete(host)) pc.forgiven.add(host);
          if (pc.unreachable.delete(host)) pc.forgiven.add(host);
        }
      }
      return;
    case 'clear_facts':
      for (const host of chosen) pc.run.store.clearFacts(host);
      return;
    case 'reset_connection':
      for (const host of applies) await pc.run.connections.reset(host);
      return;
    default:
      return;
  }
}
