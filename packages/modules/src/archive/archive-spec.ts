import type { ArgumentSpec, ParamsOf } from '@tsible/engine';
import { fileCommonOptions } from '../support/file-attrs/common-options.js';

/** community.general.archive's options (as shipped with Ansible 7 / core 2.14). */
export const archiveSpec = {
  options: {
    path: { type: 'list', elements: 'path', required: true },
    format: { type: 'str', default: 'gz', choices: ['bz2', 'gz', 'tar', 'xz', 'zip'] },
    dest: { type: 'path' },
    exclude_path: { type: 'list', elements: 'path', default: [] },
    exclusion_patterns: { type: 'list', elements: 'path' },
    force_archive: { type: 'bool', default: false },
    remove: { type: 'bool', default: false },
    ...fileCommonOptions,
  },
} as const satisfies ArgumentSpec;

export type ArchiveParams = ParamsOf<typeof archiveSpec>;
