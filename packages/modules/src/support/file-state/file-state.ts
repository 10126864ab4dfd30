/** What the probe found at one path, parsed on the controller. */

export type FileType = 'file' | 'directory' | 'link' | 'fifo' | 'socket' | 'char' | 'block';

export interface StatFields {
  type: FileType;
  /** Permission bits incl. setuid/setgid/sticky (S_IMODE). */
  mode: number;
  uid: number;
  gid: number;
  owner: string;
  group: string;
  size: number;
  mtime: number;
  atime: number;
  ctime: number;
  nlink: number;
  inode: number;
  dev: number;
  blocks: number;
  blockSize: number;
  rdev: number;
}

export interface PresentState extends StatFields {
  exists: true;
  /** For a symlink: its target text. */
  linkTarget?: string;
  /** For a symlink probed with follow: its fully resolved path. */
  realPath?: string;
  /** For a symlink probed with follow: what it points to (absent when dangling). */
  resolved?: FileState;
  checksum?: { algorithm: string; digest: string };
}

export type FileState = { exists: false } | PresentState;

export const ABSENT: FileState = { exists: false };

/** Ansible's name for a path's state, as file's `state` and diffs report it. */
export function ansibleState(state: FileState): 'absent' | 'file' | 'directory' | 'link' | 'hard' {
  if (!state.exists) return 'absent';
  if (state.type === 'link') return 'link';
  if (state.type === 'directory') return 'directory';
  if (state.nlink > 1) return 'hard';
  return 'file';
}

/** The state after following a symlink (the path's own state otherwise). */
export function followed(state: FileState): FileState {
  if (state.exists && state.type === 'link') return state.resolved ?? ABSENT;
  return state;
}

/** '0644' as Ansible prints modes. */
export function octalMode(mode: number): string {
  return `0${(mode & 0o7777).toString(8).padStart(3, '0')}`;
}
