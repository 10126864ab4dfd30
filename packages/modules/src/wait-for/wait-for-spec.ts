import type { ArgumentSpec, ParamsOf } from '@tsible/engine';

export const waitForSpec = {
  options: {
    host: { type: 'str', default: '127.0.0.1' },
    port: { type: 'int' },
    path: { type: 'path' },
    search_regex: { type: 'str' },
    state: { type: 'str', default: 'started', choices: ['absent', 'drained', 'present', 'started', 'stopped'] },
    delay: { type: 'int', default: 0 },
    timeout: { type: 'int', default: 300 },
    sleep: { type: 'int', default: 1 },
    connect_timeout: { type: 'int', default: 5 },
    msg: { type: 'str' },
    active_connection_states: { type: 'list', elements: 'str', default: ['ESTABLISHED', 'FIN_WAIT1', 'FIN_WAIT2', 'SYN_RECV', 'SYN_SENT', 'TIME_WAIT'] },
    exclude_hosts: { type: 'list', elements: 'str' },
  },
} as const satisfies ArgumentSpec;

export type WaitForParams = ParamsOf<typeof waitForSpec>;
