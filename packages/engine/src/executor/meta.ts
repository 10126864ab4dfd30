import { TsibleError } from '../errors/tsible-error.js';
import type { Task } from '../playbook/model.js';
import type { PlayContext } from './run-context.js';

/** What meta needs from the strategy running it. */
export interface MetaHost {
  flushHandlers(): Promise<void>;
  hostsWhere(task: Task, hosts: readonly string[]): string[];
}

function metaName(task: Task): string {
  const raw = task.args['_raw_params'] ?? task.args['free_form'];
  return typeof raw === 'string' ? raw.trim() : '';
}

/** meta: actions on the play itself rather than on hosts. */
export async function runMeta(pc: PlayContext, task: Task, hosts: readonly string[], strategy: MetaHost): Promise<void> {
  const name = metaName(task);
  switch (name) {
    case 'flush_handlers':
      await strategy.flushHandlers();
      return;
    case 'noop':
    case 'refresh_inventory':
      return;
    case 'end_play':
    case 'end_batch':
      if (strategy.hostsWhere(task, hosts).length > 0) pc.endPlay = true;
      return;
    case 'end_host':
      for (const host of strategy.hostsWhere(task, hosts)) pc.ended.add(host);
      return;
    case 'clear_host_errors':
      for (const host of strategy.hostsWhere(task, hosts)) pc.failed.delete(host);
      return;
    case 'clear_facts':
      for (const host of strategy.hostsWhere(task, hosts)) pc.run.store.clearFacts(host);
      return;
    case 'reset_connection':
      for (const host of strategy.hostsWhere(task, hosts)) await pc.run.connections.reset(host);
      return;
    default:
      throw new TsibleError(`invalid meta action requested: ${name}`, { code: 'TSIBLE_META_UNKNOWN', location: task.location });
  }
}
