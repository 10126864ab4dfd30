import type { ModuleResult } from '@tsible/engine';
import type { AttributeRequest } from '../support/file-attrs/attrs-script.js';
import type { FileDiff, RequestedIds } from '../support/file-attrs/attrs-diff.js';
import type { FileState, PresentState } from '../support/file-state/file-state.js';
import type { FileParams } from './file-spec.js';
import type { Timestamps } from './file-timestamps.js';

/** Everything one file task knows after the first probe. */
export interface FileJob {
  params: FileParams;
  path: string;
  pathWord: string;
  before: FileState;
  attrs: AttributeRequest;
  times: Timestamps;
  umask: number;
  ids: RequestedIds;
  checkMode: boolean;
  /** Probed candidates for src, by tag. */
  sources: ReadonlyMap<string, FileState>;
  /** chattr flags the `attributes` option would change on the existing path: before, and what was asked. */
  flags: { before: string; after: string } | undefined;
  /** Entries below a directory (for recurse and for absent's diff). */
  tree: readonly TreeEntry[];
}

export interface TreeEntry {
  path: string;
  state: PresentState;
}

/** What a state handler decided: a final result, or commands to run and the result they give. */
export type FileStep =
  | { kind: 'result'; result: ModuleResult }
  | {
      kind: 'act';
      /** Keys of the result besides changed/diff/path info (path or dest, src, state). */
      result: ModuleResult;
      changed: boolean;
      diff: FileDiff;
      commands: string[];
      /** Path whose facts the result reports (Ansible's add_path_info), as a shell word. */
      infoWord: string;
      /** What Ansible returns instead, in check mode, when the path would be created (no path facts). */
      checkModeResult?: ModuleResult;
    };
