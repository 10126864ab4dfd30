import type { Config, ConfigOverrides } from '../../config/config.js';
import { positiveIntOption } from './numeric-option.js';
import type { RunOptions } from './run-options.js';

/** Command-line flags that are configuration settings: they win over ansible.cfg and the environment. */
export function configOverrides(options: RunOptions): ConfigOverrides {
  const overrides: ConfigOverrides = {};
  const forks = positiveIntOption(options.forks, '--forks');
  const timeout = positiveIntOption(options.timeout, '--timeout');
  if (options.moduleName !== undefined) overrides.DEFAULT_MODULE_NAME = options.moduleName;
  if (forks !== undefined) overrides.DEFAULT_FORKS = forks;
  if (timeout !== undefined) overrides.DEFAULT_TIMEOUT = timeout;
  if (options.user !== undefined) overrides.DEFAULT_REMOTE_USER = options.user;
  const privateKey = options.privateKey ?? options.keyFile;
  if (privateKey !== undefined) overrides.DEFAULT_PRIVATE_KEY_FILE = privateKey;
  if (options.become === true) overrides.DEFAULT_BECOME = true;
  if (options.becomeUser !== undefined) overrides.DEFAULT_BECOME_USER = options.becomeUser;
  if (options.becomeMethod !== undefined) overrides.DEFAULT_BECOME_METHOD = options.becomeMethod;
  if (options.askPass === true) overrides.DEFAULT_ASK_PASS = true;
  if (options.askBecomePass === true) overrides.DEFAULT_BECOME_ASK_PASS = true;
  if (options.sshCommonArgs !== undefined) overrides.ANSIBLE_SSH_COMMON_ARGS = options.sshCommonArgs;
  return overrides;
}

/** What `tsible run` itself needs once configuration (with the flags above) is resolved. */
export interface RunSettings {
  moduleName: string;
  forks: number;
  taskTimeoutSeconds: number | undefined;
  become: boolean;
  becomeUser: string;
  becomeMethod: string;
  askPass: boolean;
  askBecomePass: boolean;
  verbosity: number;
  noColour: boolean;
  forceColour: boolean;
}

export function runSettings(options: RunOptions, config: Config): RunSettings {
  return {
    moduleName: config.get('DEFAULT_MODULE_NAME'),
    forks: config.get('DEFAULT_FORKS'),
    taskTimeoutSeconds: positiveIntOption(options.taskTimeout, '--task-timeout'),
    become: config.get('DEFAULT_BECOME'),
    becomeUser: config.get('DEFAULT_BECOME_USER'),
    becomeMethod: config.get('DEFAULT_BECOME_METHOD'),
    askPass: config.get('DEFAULT_ASK_PASS'),
    askBecomePass: config.get('DEFAULT_BECOME_ASK_PASS'),
    verbosity: Math.max(options.verbose, config.get('DEFAULT_VERBOSITY')),
    noColour: config.get('ANSIBLE_NOCOLOR'),
    forceColour: config.get('ANSIBLE_FORCE_COLOR'),
  };
}
