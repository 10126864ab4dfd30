import type { Config } from '../../config/config.js';
import { positiveIntOption } from './numeric-option.js';
import type { RunOptions } from './run-options.js';

/** Everything `tsible run` needs to know, command-line flags over configuration. */
export interface RunSettings {
  moduleName: string;
  inventory: string[];
  forks: number;
  timeoutSeconds: number;
  taskTimeoutSeconds: number | undefined;
  remoteUser: string | undefined;
  privateKeyFile: string | undefined;
  become: boolean;
  becomeUser: string;
  becomeMethod: string;
  askPass: boolean;
  askBecomePass: boolean;
  hostKeyChecking: boolean;
  sshArgs: string;
  sshCommonArgs: string | undefined;
  sshExtraArgs: string | undefined;
  retries: number;
  verbosity: number;
  noColour: boolean;
  forceColour: boolean;
  hostPatternMismatch: string;
}

const orUndefined = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

export function runSettings(options: RunOptions, config: Config): RunSettings {
  return {
    moduleName: options.moduleName ?? config.get('DEFAULT_MODULE_NAME'),
    inventory: options.inventory ?? config.get('DEFAULT_HOST_LIST'),
    forks: positiveIntOption(options.forks, '--forks') ?? config.get('DEFAULT_FORKS'),
    timeoutSeconds: positiveIntOption(options.timeout, '--timeout') ?? config.get('DEFAULT_TIMEOUT'),
    taskTimeoutSeconds: positiveIntOption(options.taskTimeout, '--task-timeout'),
    remoteUser: options.user ?? orUndefined(config.get('DEFAULT_REMOTE_USER')),
    privateKeyFile: options.privateKey ?? orUndefined(config.get('DEFAULT_PRIVATE_KEY_FILE')),
    become: options.become === true || config.get('DEFAULT_BECOME'),
    becomeUser: options.becomeUser ?? config.get('DEFAULT_BECOME_USER'),
    becomeMethod: options.becomeMethod ?? config.get('DEFAULT_BECOME_METHOD'),
    askPass: options.askPass === true || config.get('DEFAULT_ASK_PASS'),
    askBecomePass: options.askBecomePass === true || config.get('DEFAULT_BECOME_ASK_PASS'),
    hostKeyChecking: config.get('HOST_KEY_CHECKING'),
    sshArgs: config.get('ANSIBLE_SSH_ARGS'),
    sshCommonArgs: options.sshCommonArgs ?? (config.get('ANSIBLE_SSH_COMMON_ARGS') || undefined),
    sshExtraArgs: options.sshExtraArgs,
    retries: config.get('ANSIBLE_SSH_RETRIES'),
    verbosity: Math.max(options.verbose, config.get('DEFAULT_VERBOSITY')),
    noColour: config.get('ANSIBLE_NOCOLOR'),
    forceColour: config.get('ANSIBLE_FORCE_COLOR'),
    hostPatternMismatch: config.get('HOST_PATTERN_MISMATCH'),
  };
}
