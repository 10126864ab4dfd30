import type { ArgumentSpec, ParamsOf } from '@tsible/engine';

/** Ansible 2.14's find module options. */
export const findSpec = {
  options: {
    paths: { type: 'list', elements: 'str', required: true, aliases: ['name', 'path'] },
    patterns: { type: 'list', elements: 'str', default: [], aliases: ['pattern'] },
    excludes: { type: 'list', elements: 'str', aliases: ['exclude'] },
    contains: { type: 'str' },
    read_whole_file: { type: 'bool', default: false },
    file_type: { type: 'str', default: 'file', choices: ['any', 'directory', 'file', 'link'] },
    age: { type: 'str' },
    age_stamp: { type: 'str', default: 'mtime', choices: ['atime', 'ctime', 'mtime'] },
    size: { type: 'str' },
    recurse: { type: 'bool', default: false },
    hidden: { type: 'bool', default: false },
    follow: { type: 'bool', default: false },
    get_checksum: { type: 'bool', default: false },
    use_regex: { type: 'bool', default: false },
    depth: { type: 'int' },
  },
} as const satisfies ArgumentSpec;

export type FindParams = ParamsOf<typeof findSpec>;
