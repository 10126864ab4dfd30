import { octalMode, type PresentState } from '../file-state/file-state.js';
import type { AttributeRequest } from './attrs-script.js';
import { resolveMode } from './mode.js';

export interface DiffSide {
  path: string;
  [key: string]: unknown;
}

/** Ansible's file diff: {before: {path, ...}, after: {path, ...}}. */
export interface FileDiff {
  before: DiffSide;
  after: DiffSide;
}

export function initialDiff(path: string, state: string, previous: string): FileDiff {
  const diff: FileDiff = { before: { path }, after: { path } };
  if (previous !== state) {
    diff.before['state'] = previous;
    diff.after['state'] = state;
  }
  return diff;
}

/** Target-side ids of the requested owner/group, when the probe looked them up. */
export interface RequestedIds {
  uid?: number;
  gid?: number;
}

/**
 * Whether the requested attributes differ from the path's current ones, and
 * the diff entries Ansible's set_fs_attributes_if_different records (owner and
 * group as ids, mode as '0644'). Used for check mode and to report changes.
 */
export function attributeChanges(current: PresentState, request: AttributeRequest, umask: number, ids: RequestedIds, diff?: FileDiff): boolean {
  let changed = false;
  if (request.owner !== null && request.owner !== current.owner && request.owner !== String(current.uid)) {
    changed = true;
    if (diff) {
      diff.before['owner'] = current.uid;
      diff.after['owner'] = ids.uid ?? request.owner;
    }
  }
  if (request.group !== null && request.group !== current.group && request.group !== String(current.gid)) {
    changed = true;
    if (diff) {
      diff.before['group'] = current.gid;
      diff.after['group'] = ids.gid ?? request.group;
    }
  }
  if (request.mode !== null && current.type !== 'link') {
    const wanted = resolveMode(request.mode, current.mode, current.type === 'directory', umask);
    if (wanted !== current.mode) {
      changed = true;
      if (diff) {
        diff.before['mode'] = octalMode(current.mode);
        diff.after['mode'] = octalMode(wanted);
      }
    }
  }
  return changed;
}

/** Diff entries from what the path was before and after a real run. */
export function observedChanges(before: PresentState, after: PresentState, diff: FileDiff): boolean {
  let changed = false;
  if (before.uid !== after.uid) {
    changed = true;
    diff.before['owner'] = before.uid;
    diff.after['owner'] = after.uid;
  }
  if (before.gid !== after.gid) {
    changed = true;
    diff.before['group'] = before.gid;
    diff.after['group'] = after.gid;
  }
  if (before.mode !== after.mode) {
    changed = true;
    diff.before['mode'] = octalMode(before.mode);
    diff.after['mode'] = octalMode(after.mode);
  }
  return changed;
}

export function parseIds(records: ReadonlyMap<string, string[][]>): RequestedIds {
  const ids: RequestedIds = {};
  for (const [which = '', value = ''] of records.get('@i') ?? []) {
    if (value === '') continue;
    if (which === 'u') ids.uid = Number(value);
    if (which === 'g') ids.gid = Number(value);
  }
  return ids;
}
