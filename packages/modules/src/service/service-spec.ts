import type { ArgumentSpec, ParamsOf } from '@tsible/engine';

/** Ansible 2.14's service options, plus the action's `use` (which service manager). */
export const serviceSpec = {
  options: {
    name: { type: 'str', required: true },
    state: { type: 'str', choices: ['started', 'stopped', 'restarted', 'reloaded'] },
    sleep: { type: 'int' },
    pattern: { type: 'str' },
    enabled: { type: 'bool' },
    runlevel: { type: 'str', default: 'default' },
    arguments: { type: 'str', default: '', aliases: ['args'] },
    use: { type: 'str', default: 'auto' },
  },
  required_one_of: [['state', 'enabled']],
} as const satisfies ArgumentSpec;

export type ServiceParams = ParamsOf<typeof serviceSpec>;
