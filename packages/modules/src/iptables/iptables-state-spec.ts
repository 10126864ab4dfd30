import type { ArgumentSpec, ParamsOf } from '@tsible/engine';

/** community.general.iptables_state's options (its internal _timeout/_back are the task's async and a target file here). */
export const iptablesStateSpec = {
  options: {
    path: { type: 'path', required: true },
    state: { type: 'str', choices: ['saved', 'restored'], required: true },
    table: { type: 'str', choices: ['filter', 'nat', 'mangle', 'raw', 'security'] },
    noflush: { type: 'bool', default: false },
    counters: { type: 'bool', default: false },
    modprobe: { type: 'path' },
    ip_version: { type: 'str', choices: ['ipv4', 'ipv6'], default: 'ipv4' },
    wait: { type: 'int' },
  },
} as const satisfies ArgumentSpec;

export type IptablesStateParams = ParamsOf<typeof iptablesStateSpec>;
