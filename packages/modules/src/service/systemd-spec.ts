import type { ArgumentSpec, ParamsOf } from '@tsible/engine';

/** Ansible 2.14's systemd_service (alias systemd) options. */
export const systemdSpec = {
  options: {
    name: { type: 'str', aliases: ['service', 'unit'] },
    state: { type: 'str', choices: ['reloaded', 'restarted', 'started', 'stopped'] },
    enabled: { type: 'bool' },
    force: { type: 'bool' },
    masked: { type: 'bool' },
    daemon_reload: { type: 'bool', default: false, aliases: ['daemon-reload'] },
    daemon_reexec: { type: 'bool', default: false, aliases: ['daemon-reexec'] },
    scope: { type: 'str', default: 'system', choices: ['system', 'user', 'global'] },
    no_block: { type: 'bool', default: false },
  },
  required_one_of: [['state', 'enabled', 'masked', 'daemon_reload', 'daemon_reexec']],
  required_by: { state: ['name'], enabled: ['name'], masked: ['name'] },
} as const satisfies ArgumentSpec;

export type SystemdParams = ParamsOf<typeof systemdSpec>;
