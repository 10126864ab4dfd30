import type { ArgumentSpec, ParamsOf } from '@tsible/engine';
import { fileCommonOptions } from '../support/file-attrs/common-options.js';

/** Ansible 2.14's file module options. */
export const fileSpec = {
  options: {
    path: { type: 'path', required: true, aliases: ['dest', 'name'] },
    state: { type: 'str', choices: ['absent', 'directory', 'file', 'hard', 'link', 'touch'] },
    src: { type: 'path' },
    recurse: { type: 'bool', default: false },
    force: { type: 'bool', default: false },
    follow: { type: 'bool', default: true },
    modification_time: { type: 'str' },
    modification_time_format: { type: 'str', default: '%Y%m%d%H%M.%S' },
    access_time: { type: 'str' },
    access_time_format: { type: 'str', default: '%Y%m%d%H%M.%S' },
    _original_basename: { type: 'str' },
    _diff_peek: { type: 'bool' },
    ...fileCommonOptions,
  },
} as const satisfies ArgumentSpec;

export type FileParams = ParamsOf<typeof fileSpec>;
export type FileStateName = NonNullable<FileParams['state']>;
