import type { ModuleResult } from '@tsible/engine';
import { ansibleState, followed, octalMode, type FileState } from './file-state.js';

/**
 * The keys Ansible adds to every result that names a path or dest
 * (AnsibleModule.add_path_info): nothing when the path does not exist
 * (a dangling link counts as missing), otherwise the link's own facts.
 */
export function pathInfo(state: FileState): ModuleResult {
  if (!state.exists || !followed(state).exists) return {};
  return {
    uid: state.uid,
    gid: state.gid,
    owner: state.owner,
    group: state.group,
    mode: octalMode(state.mode),
    state: ansibleState(state.type === 'link' ? state : followed(state)),
    size: state.size,
  };
}
