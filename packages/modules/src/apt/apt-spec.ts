import type { ArgumentSpec, ParamsOf } from '@tsible/engine';

/** Ansible 2.14's apt options, aliases, defaults and choices. */
export const aptSpec = {
  options: {
    state: { type: 'str', default: 'present', choices: ['absent', 'build-dep', 'fixed', 'latest', 'present'] },
    update_cache: { type: 'bool', aliases: ['update-cache'] },
    update_cache_retries: { type: 'int', default: 5 },
    update_cache_retry_max_delay: { type: 'int', default: 12 },
    cache_valid_time: { type: 'int', default: 0 },
    purge: { type: 'bool', default: false },
    package: { type: 'list', elements: 'str', aliases: ['pkg', 'name'] },
    deb: { type: 'path' },
    default_release: { type: 'str', aliases: ['default-release'] },
    install_recommends: { type: 'bool', aliases: ['install-recommends'] },
    force: { type: 'bool', default: false },
    upgrade: { type: 'str', choices: ['dist', 'full', 'no', 'safe', 'yes'], default: 'no' },
    dpkg_options: { type: 'str', default: 'force-confdef,force-confold' },
    autoremove: { type: 'bool', default: false },
    autoclean: { type: 'bool', default: false },
    fail_on_autoremove: { type: 'bool', default: false },
    policy_rc_d: { type: 'int' },
    only_upgrade: { type: 'bool', default: false },
    force_apt_get: { type: 'bool', default: false },
    clean: { type: 'bool', default: false },
    allow_unauthenticated: { type: 'bool', default: false, aliases: ['allow-unauthenticated'] },
    allow_downgrade: { type: 'bool', default: false, aliases: ['allow-downgrade', 'allow_downgrades', 'allow-downgrades'] },
    allow_change_held_packages: { type: 'bool', default: false },
    lock_timeout: { type: 'int', default: 60 },
  },
  mutually_exclusive: [['deb', 'package', 'upgrade']],
  required_one_of: [['autoremove', 'deb', 'package', 'update_cache', 'upgrade']],
} as const satisfies ArgumentSpec;

export type AptParams = ParamsOf<typeof aptSpec>;
