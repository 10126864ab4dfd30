import type { ArgumentSpec, ParamsOf } from '@tsible/engine';
import { fileCommonOptions } from '../support/file-attrs/common-options.js';

/** Ansible 2.14's copy module options (with the action plugin's src lookup). */
export const copySpec = {
  options: {
    src: { type: 'path' },
    content: { type: 'raw', no_log: true },
    dest: { type: 'path', required: true },
    backup: { type: 'bool', default: false },
    force: { type: 'bool', default: true, aliases: ['thirsty'] },
    validate: { type: 'str' },
    directory_mode: { type: 'raw' },
    remote_src: { type: 'bool', default: false },
    local_follow: { type: 'bool', default: true },
    checksum: { type: 'str' },
    follow: { type: 'bool', default: false },
    decrypt: { type: 'bool', default: true },
    _original_basename: { type: 'str' },
    ...fileCommonOptions,
  },
} as const satisfies ArgumentSpec;

export type CopyParams = ParamsOf<typeof copySpec>;
