import type { ArgumentSpec, ParamsOf } from '@tsible/engine';
import { fileCommonOptions } from '../support/file-attrs/common-options.js';

/** Ansible 2.14's unarchive options (with the action plugin's src handling). */
export const unarchiveSpec = {
  options: {
    src: { type: 'path', required: true },
    dest: { type: 'path', required: true },
    remote_src: { type: 'bool', default: false },
    creates: { type: 'path' },
    list_files: { type: 'bool', default: false },
    keep_newer: { type: 'bool', default: false },
    exclude: { type: 'list', elements: 'str', default: [] },
    include: { type: 'list', elements: 'str', default: [] },
    extra_opts: { type: 'list', elements: 'str', default: [] },
    io_buffer_size: { type: 'int', default: 65536 },
    validate_certs: { type: 'bool', default: true },
    decrypt: { type: 'bool', default: true },
    copy: { type: 'bool' },
    ...fileCommonOptions,
  },
  mutually_exclusive: [['include', 'exclude']],
} as const satisfies ArgumentSpec;

export type UnarchiveParams = ParamsOf<typeof unarchiveSpec>;
