import { TsibleError } from '../errors/tsible-error.js';

/** The play keyword `order`: how the play's hosts are lined up before batching. */
export function orderHosts(hosts: readonly string[], order: unknown): string[] {
  const list = [...hosts];
  switch (order ?? 'inventory') {
    case 'inventory':
      return list;
    case 'reverse_inventory':
      return list.reverse();
    case 'sorted':
      return list.sort(byName);
    case 'reverse_sorted':
      return list.sort(byName).reverse();
    case 'shuffle':
      for (let i = list.length - 1; i > 0; i--) {
        const j = Math.floor(Math.random() * (i + 1));
        [list[i], list[j]] = [list[j]!, list[i]!];
      }
      return list;
    default:
      throw new TsibleError(`Invalid play host order '${String(order)}'`, {
        code: 'TSIBLE_PLAY_ORDER',
        hint: 'use inventory, reverse_inventory, sorted, reverse_sorted or shuffle',
      });
  }
}

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One `serial` entry as a batch size: "N%" is a share of all the play's
 * hosts, truncated as Ansible does and never below 1; 0 or less means all.
 */
export function batchSize(entry: unknown, hostCount: number): number {
  if (typeof entry === 'string' && entry.trim().endsWith('%')) {
    const pct = Number.parseInt(entry.trim().slice(0, -1), 10);
    if (Number.isNaN(pct)) throw badSerial(entry);
    return Math.trunc((pct / 100) * hostCount) || 1;
  }
  const n = typeof entry === 'number' ? entry : typeof entry === 'string' && /^\s*-?\d+\s*$/.test(entry) ? Number(entry) : Number.NaN;
  if (!Number.isFinite(n)) throw badSerial(entry);
  return Math.trunc(n);
}

function badSerial(entry: unknown): TsibleError {
  return new TsibleError(`serial entry '${String(entry)}' is neither a number nor a percentage`, { code: 'TSIBLE_PLAY_SERIAL', hint: 'write serial: 2, serial: "30%" or a list of those' });
}

/**
 * How a play's hosts are split into batches, as Ansible's `serial` does:
 * an int, "N%" or a list of those, whose last entry repeats until every
 * host is in a batch. No serial means one batch with every host.
 */
export function playBatches(hosts: readonly string[], serial: unknown): string[][] {
  const entries = serial === undefined || serial === null ? [] : Array.isArray(serial) ? serial : [serial];
  const remaining = [...hosts];
  const batches: string[][] = [];
  let index = 0;
  while (remaining.length > 0) {
    const size = entries.length === 0 ? 0 : batchSize(entries[index], hosts.length);
    if (size <= 0) {
      batches.push(remaining.splice(0));
      break;
    }
    batches.push(remaining.splice(0, size));
    index = Math.min(index + 1, entries.length - 1);
  }
  return batches;
}
