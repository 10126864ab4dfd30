import type { BecomeOptions } from '../connection/types.js';
import { TsibleError } from '../errors/tsible-error.js';
import { runSecrets } from '../output/secrets/secret-registry.js';
import { toBoolean } from '../module-api/type-conversion.js';

/** Become as the command line asks for it (-b, --become-user, --become-method, -K). */
export interface BecomeDefaults {
  become: boolean;
  user?: string | undefined;
  method?: string | undefined;
  password?: string | undefined;
}

const METHODS = ['sudo', 'su'] as const;
type Method = (typeof METHODS)[number];

function stringOf(vars: Readonly<Record<string, unknown>>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = vars[name];
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  }
  return undefined;
}

function isMethod(value: string): value is Method {
  return (METHODS as readonly string[]).includes(value);
}

/**
 * A host's privilege escalation: connection variables (ansible_become*)
 * win over the command line's defaults, as in Ansible.
 */
export function becomeFromVars(vars: Readonly<Record<string, unknown>>, defaults: BecomeDefaults): BecomeOptions | undefined {
  const flag = vars['ansible_become'];
  const enabled = flag === undefined || flag === null ? defaults.become : toBoolean(flag);
  if (!enabled) return undefined;
  const method = stringOf(vars, 'ansible_become_method') ?? defaults.method ?? 'sudo';
  if (!isMethod(method)) {
    throw new TsibleError(`Invalid become method specified, could not find matching plugin: '${method}'`, {
      code: 'TSIBLE_BECOME_METHOD',
      hint: `supported become methods: ${METHODS.join(', ')}`,
    });
  }
  const password = stringOf(vars, 'ansible_become_password', 'ansible_become_pass') ?? defaults.password;
  runSecrets.add(password);
  return {
    method,
    user: stringOf(vars, 'ansible_become_user') ?? defaults.user ?? 'root',
    flags: stringOf(vars, 'ansible_become_flags'),
    password,
  };
}
