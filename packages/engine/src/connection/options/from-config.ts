import type { Config } from '../../config/config.js';
import type { ConnectionSettings } from './settings.js';

/**
 * Connection settings from ansible.cfg / environment / CLI overrides, as the
 * config layer resolved them. `extra` adds what is not a config setting
 * (--ssh-extra-args, the --ask-pass answer, the event sink, a prompt).
 */
export function connectionSettingsFromConfig(config: Config, extra: ConnectionSettings = {}): ConnectionSettings {
  return {
    remoteUser: config.get('DEFAULT_REMOTE_USER') ?? undefined,
    privateKeyFile: config.get('DEFAULT_PRIVATE_KEY_FILE') ?? undefined,
    timeoutSeconds: config.get('DEFAULT_TIMEOUT'),
    hostKeyChecking: config.get('HOST_KEY_CHECKING'),
    sshArgs: config.get('ANSIBLE_SSH_ARGS') ?? undefined,
    sshCommonArgs: config.get('ANSIBLE_SSH_COMMON_ARGS') || undefined,
    retries: config.get('ANSIBLE_SSH_RETRIES'),
    ...extra,
  };
}
