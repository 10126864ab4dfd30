import type { ArgumentSpec, ParamsOf } from '@tsible/engine';
import { fileCommonOptions } from '../support/file-attrs/common-options.js';

/** Ansible 2.14's get_url options (those a curl/wget download on the target can honour). */
export const getUrlSpec = {
  options: {
    url: { type: 'str', required: true },
    dest: { type: 'path', required: true },
    backup: { type: 'bool', default: false },
    checksum: { type: 'str', default: '' },
    force: { type: 'bool', default: false },
    headers: { type: 'dict' },
    timeout: { type: 'int', default: 10 },
    validate_certs: { type: 'bool', default: true },
    use_proxy: { type: 'bool', default: true },
    http_agent: { type: 'str', default: 'ansible-httpget' },
    url_username: { type: 'str', aliases: ['username'] },
    url_password: { type: 'str', aliases: ['password'], no_log: true },
    force_basic_auth: { type: 'bool', default: false },
    tmp_dest: { type: 'path' },
    ...fileCommonOptions,
  },
} as const satisfies ArgumentSpec;

export type GetUrlParams = ParamsOf<typeof getUrlSpec>;
