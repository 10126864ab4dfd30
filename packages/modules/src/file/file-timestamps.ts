import type { PresentState } from '../support/file-state/file-state.js';
import type { FileDiff } from '../support/file-attrs/attrs-diff.js';
import type { TimeRequest } from '../support/file-attrs/timestamps.js';
import { shellQuote } from '@tsible/engine/connection/quote';

export interface Timestamps {
  mtime: TimeRequest;
  atime: TimeRequest;
}

/**
 * Ansible's update_timestamp_for_file: whether the times change (recording
 * the diff) and the touch commands that change them.
 */
export function timestampPlan(current: PresentState, times: Timestamps, pathWord: string, noFollow: boolean, diff: FileDiff): { changed: boolean; commands: string[] } {
  const { mtime, atime } = times;
  if (mtime.kind === 'preserve' && atime.kind === 'preserve') return { changed: false, commands: [] };
  const nowEpoch = Date.now() / 1000;
  const target = (request: TimeRequest, previous: number): number => (request.kind === 'preserve' ? previous : request.kind === 'now' ? nowEpoch : request.epoch);
  const newMtime = target(mtime, current.mtime);
  const newAtime = target(atime, current.atime);
  const both = mtime.kind === 'now' && atime.kind === 'now';
  if (!both && newMtime === current.mtime && newAtime === current.atime) return { changed: false, commands: [] };
  if (newMtime !== current.mtime) {
    diff.before['mtime'] = current.mtime;
    diff.after['mtime'] = newMtime;
  }
  if (newAtime !== current.atime) {
    diff.before['atime'] = current.atime;
    diff.after['atime'] = newAtime;
  }
  const h = noFollow ? ' -h' : '';
  if (both) return { changed: true, commands: [`touch -c${h} -- ${pathWord}`] };
  // touch -m and -a each leave the other time alone, so 'preserve' needs no command.
  const one = (flag: string, request: TimeRequest): string[] => {
    if (request.kind === 'now') return [`touch -c${h} ${flag} -- ${pathWord}`];
    if (request.kind === 'at') return [`touch -c${h} ${flag} -t ${shellQuote(request.touchStamp)} -- ${pathWord}`];
    return [];
  };
  return { changed: true, commands: [...one('-m', mtime), ...one('-a', atime)] };
}
