import type { EventSink } from '../../output/events.js';

/**
 * Connection settings that come from configuration (ansible.cfg / env) and
 * the command line rather than from host variables. Host variables win over
 * these, as in Ansible.
 */
export interface ConnectionSettings {
  /** -u / remote_user. */
  remoteUser?: string | undefined;
  /** --private-key / private_key_file. */
  privateKeyFile?: string | undefined;
  /** The answer to --ask-pass. */
  password?: string | undefined;
  /** --timeout / timeout, seconds (default 10). */
  timeoutSeconds?: number | undefined;
  /** host_key_checking from config; the environment is read separately. */
  hostKeyChecking?: boolean | undefined;
  /** ssh_args, --ssh-common-args, --ssh-extra-args. */
  sshArgs?: string | undefined;
  sshCommonArgs?: string | undefined;
  sshExtraArgs?: string | undefined;
  /** ssh_connection retries (default 0). */
  retries?: number | undefined;
  /** Defaults to process.env. Read for HOME, SSH_AUTH_SOCK, *_HOST_KEY_CHECKING. */
  env?: Readonly<Record<string, string | undefined>> | undefined;
  /** ssh client config; defaults to ~/.ssh/config. */
  sshConfigFile?: string | undefined;
  /** Where connection logs go (debug level). */
  events?: EventSink | undefined;
  /** -v count; at 4 (-vvvv) the SSH protocol trace is logged too. */
  verbosity?: number | undefined;
  /**
   * Asks the user for a key passphrase. Only given when a TTY is attached;
   * without it an encrypted key fails clearly.
   */
  promptPassphrase?: ((prompt: string) => Promise<string>) | undefined;
  /** Upper bound on a command's stdout+stderr (default 64 MiB). */
  maxOutputBytes?: number | undefined;
}
