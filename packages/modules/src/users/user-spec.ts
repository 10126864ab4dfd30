import type { ArgumentSpec, ParamsOf } from '@tsible/engine';

/**
 * Ansible 2.14's user module options. ssh_key_comment's default names the
 * target's host ("ansible-generated on HOST"), so it is filled in there.
 */
export const userSpec = {
  options: {
    state: { type: 'str', default: 'present', choices: ['absent', 'present'] },
    name: { type: 'str', required: true, aliases: ['user'] },
    uid: { type: 'int' },
    non_unique: { type: 'bool', default: false },
    group: { type: 'str' },
    groups: { type: 'list', elements: 'str' },
    comment: { type: 'str' },
    home: { type: 'path' },
    shell: { type: 'str' },
    password: { type: 'str', no_log: true },
    login_class: { type: 'str' },
    password_expire_max: { type: 'int' },
    password_expire_min: { type: 'int' },
    hidden: { type: 'bool' },
    seuser: { type: 'str' },
    force: { type: 'bool', default: false },
    remove: { type: 'bool', default: false },
    create_home: { type: 'bool', default: true, aliases: ['createhome'] },
    skeleton: { type: 'str' },
    system: { type: 'bool', default: false },
    move_home: { type: 'bool', default: false },
    append: { type: 'bool', default: false },
    generate_ssh_key: { type: 'bool' },
    ssh_key_bits: { type: 'int', default: 0 },
    ssh_key_type: { type: 'str', default: 'rsa' },
    ssh_key_file: { type: 'path' },
    ssh_key_comment: { type: 'str' },
    ssh_key_passphrase: { type: 'str', no_log: true },
    update_password: { type: 'str', default: 'always', choices: ['always', 'on_create'] },
    expires: { type: 'float' },
    password_lock: { type: 'bool' },
    local: { type: 'bool' },
    profile: { type: 'str' },
    authorization: { type: 'str' },
    role: { type: 'str' },
    umask: { type: 'str' },
  },
} as const satisfies ArgumentSpec;

export type UserParams = ParamsOf<typeof userSpec>;

const HASH_CHARS = /[^a-zA-Z0-9./=]/;
const HASH_LENGTHS: Readonly<Record<string, number>> = { '1': 22, '5': 43, '6': 86 };

/** Ansible's warning when `password` does not look like a crypt(3) hash. */
export function passwordWarning(password: string | null): string | undefined {
  if (password === null || password === '' || ['*', '!', '*************'].includes(password)) return undefined;
  const fields = password.split('$');
  const last = fields[fields.length - 1] ?? '';
  const suspicious =
    /[:*!]/.test(password) ||
    !password.includes('$') ||
    fields.length < 3 ||
    HASH_CHARS.test(last) ||
    (HASH_LENGTHS[fields[1] ?? ''] !== undefined && last.length !== HASH_LENGTHS[fields[1] ?? '']);
  return suspicious ? "The input password appears not to have been hashed. The 'password' argument must be encrypted for this module to work properly." : undefined;
}
