/**
 * Every setting tsible reads, in one place: its Ansible name (as
 * `ansible-config dump` prints it), type, default, ini section/key(s),
 * environment variables and help. Each ANSIBLE_* variable also has a TSIBLE_*
 * twin that wins when both are set. Config getters derive their return types
 * from this table.
 */

export type SettingType = 'boolean' | 'integer' | 'float' | 'string' | 'path' | 'pathlist' | 'pathspec' | 'list' | 'tmppath';

export interface SettingDefinition {
  readonly type: SettingType;
  /**
   * Typed value, or text coerced like a value from the file. `{{ANSIBLE_HOME}}`
   * is replaced by that setting's value.
   */
  readonly default: string | number | boolean | null | readonly string[];
  /** [section, key] pairs, in Ansible's order: the last one present wins. */
  readonly ini?: ReadonlyArray<readonly [string, string]>;
  /** Environment variables in Ansible's order: the last one set wins. */
  readonly env?: readonly string[];
  readonly help: string;
  readonly choices?: readonly string[];
  /** Accepted for compatibility but without effect in tsible, and why. */
  readonly ignored?: string;
  /** Ansible keeps this as a connection/shell plugin option, not a base setting. */
  readonly plugin?: boolean;
  /** Ansible's default is a tuple (printed as (...) by config dump). */
  readonly defaultIsTuple?: boolean;
}

const d = (section: string, key: string): readonly [string, string] => [section, key];

const COLORS = ['black', 'bright gray', 'blue', 'white', 'green', 'bright blue', 'cyan', 'bright green', 'red', 'bright cyan', 'purple', 'bright red', 'yellow', 'bright purple', 'dark gray', 'bright yellow', 'magenta', 'bright magenta', 'normal'] as const;

function color(key: string, dflt: string, what: string): SettingDefinition & { type: 'string'; default: string } {
  return { type: 'string', default: dflt, ini: [d('colors', key)], env: [`ANSIBLE_COLOR_${key.toUpperCase()}`], choices: COLORS, help: `Color for ${what}.` };
}

const SSH_ONLY = 'tsible speaks SSH itself (ssh2), so OpenSSH client options do not apply';

export const SETTINGS = {
  ANSIBLE_HOME: { type: 'path', default: '~/.ansible', ini: [d('defaults', 'home')], env: ['ANSIBLE_HOME'], help: 'Base directory for local state (temporary files, roles).' },
  ANSIBLE_NOCOLOR: { type: 'boolean', default: false, ini: [d('defaults', 'nocolor')], env: ['ANSIBLE_NOCOLOR', 'NO_COLOR'], help: 'Turn off colored output.' },
  ANSIBLE_FORCE_COLOR: { type: 'boolean', default: false, ini: [d('defaults', 'force_color')], env: ['ANSIBLE_FORCE_COLOR'], help: 'Color output even when it does not go to a terminal.' },
  ANSIBLE_PIPELINING: {
    type: 'boolean', default: false,
    ini: [d('defaults', 'pipelining'), d('connection', 'pipelining'), d('ssh_connection', 'pipelining')],
    env: ['ANSIBLE_PIPELINING', 'ANSIBLE_SSH_PIPELINING'],
    help: 'Run modules without copying them to the target first.',
    ignored: 'tsible always sends a task in one round trip', plugin: true,
  },
  ANSIBLE_SSH_ARGS: { type: 'string', default: '-C -o ControlMaster=auto -o ControlPersist=60s', ini: [d('ssh_connection', 'ssh_args')], env: ['ANSIBLE_SSH_ARGS'], help: 'Extra arguments for the OpenSSH client.', ignored: SSH_ONLY, plugin: true },
  ANSIBLE_SSH_COMMON_ARGS: { type: 'string', default: '', ini: [d('ssh_connection', 'ssh_common_args')], env: ['ANSIBLE_SSH_COMMON_ARGS'], help: 'Arguments added to every OpenSSH client invocation.', ignored: SSH_ONLY, plugin: true },
  ANSIBLE_SSH_CONTROL_PATH: { type: 'string', default: null, ini: [d('ssh_connection', 'control_path')], env: ['ANSIBLE_SSH_CONTROL_PATH'], help: 'OpenSSH ControlPath socket template.', ignored: 'tsible keeps its own connections open for the run', plugin: true },
  ANSIBLE_SSH_CONTROL_PATH_DIR: { type: 'path', default: '~/.ansible/cp', ini: [d('ssh_connection', 'control_path_dir')], env: ['ANSIBLE_SSH_CONTROL_PATH_DIR'], help: 'Directory for OpenSSH ControlPath sockets.', ignored: 'tsible keeps its own connections open for the run', plugin: true },
  ANSIBLE_SSH_EXECUTABLE: { type: 'string', default: 'ssh', ini: [d('ssh_connection', 'ssh_executable')], env: ['ANSIBLE_SSH_EXECUTABLE'], help: 'The OpenSSH client program.', ignored: SSH_ONLY, plugin: true },
  ANSIBLE_SSH_RETRIES: { type: 'integer', default: 0, ini: [d('ssh_connection', 'retries')], env: ['ANSIBLE_SSH_RETRIES'], help: 'How many times to retry an SSH connection that fails to open.', plugin: true },
  ANSIBLE_SSH_TRANSFER_METHOD: { type: 'string', default: null, ini: [d('ssh_connection', 'transfer_method')], env: ['ANSIBLE_SSH_TRANSFER_METHOD'], help: 'How OpenSSH copies files (sftp, scp, piped).', ignored: 'tsible transfers files over its own SSH channel', plugin: true },
  ANSIBLE_SCP_IF_SSH: { type: 'string', default: 'smart', ini: [d('ssh_connection', 'scp_if_ssh')], env: ['ANSIBLE_SCP_IF_SSH'], help: 'Use scp instead of sftp.', ignored: 'tsible transfers files over its own SSH channel', plugin: true },
  ANY_ERRORS_FATAL: { type: 'boolean', default: false, ini: [d('defaults', 'any_errors_fatal')], env: ['ANSIBLE_ANY_ERRORS_FATAL'], help: 'Stop the play on all hosts as soon as one host fails.' },
  CALLBACKS_ENABLED: { type: 'list', default: [], ini: [d('defaults', 'callback_whitelist'), d('defaults', 'callbacks_enabled')], env: ['ANSIBLE_CALLBACK_WHITELIST', 'ANSIBLE_CALLBACKS_ENABLED'], help: 'Extra output callbacks to enable.' },
  COLOR_CHANGED: color('changed', 'yellow', 'tasks that changed something'),
  COLOR_CONSOLE_PROMPT: color('console_prompt', 'white', 'the console prompt'),
  COLOR_DEBUG: color('debug', 'dark gray', 'debug messages'),
  COLOR_DEPRECATE: color('deprecate', 'purple', 'deprecation warnings'),
  COLOR_DIFF_ADD: color('diff_add', 'green', 'added lines in diffs'),
  COLOR_DIFF_LINES: color('diff_lines', 'cyan', 'diff headers'),
  COLOR_DIFF_REMOVE: color('diff_remove', 'red', 'removed lines in diffs'),
  COLOR_ERROR: color('error', 'red', 'errors'),
  COLOR_HIGHLIGHT: color('highlight', 'white', 'highlighted text'),
  COLOR_OK: color('ok', 'green', 'tasks that changed nothing'),
  COLOR_SKIP: color('skip', 'cyan', 'skipped tasks'),
  COLOR_UNREACHABLE: color('unreachable', 'bright red', 'unreachable hosts'),
  COLOR_VERBOSE: color('verbose', 'blue', 'verbose messages'),
  COLOR_WARN: color('warn', 'bright purple', 'warnings'),
  DEFAULT_ASK_PASS: { type: 'boolean', default: false, ini: [d('defaults', 'ask_pass')], env: ['ANSIBLE_ASK_PASS'], help: 'Prompt for the SSH password.' },
  DEFAULT_ASK_VAULT_PASS: { type: 'boolean', default: false, ini: [d('defaults', 'ask_vault_pass')], env: ['ANSIBLE_ASK_VAULT_PASS'], help: 'Prompt for the vault password.' },
  DEFAULT_BECOME: { type: 'boolean', default: false, ini: [d('privilege_escalation', 'become')], env: ['ANSIBLE_BECOME'], help: 'Run tasks with privilege escalation.' },
  DEFAULT_BECOME_ASK_PASS: { type: 'boolean', default: false, ini: [d('privilege_escalation', 'become_ask_pass')], env: ['ANSIBLE_BECOME_ASK_PASS'], help: 'Prompt for the privilege escalation password.' },
  DEFAULT_BECOME_EXE: { type: 'string', default: null, ini: [d('privilege_escalation', 'become_exe')], env: ['ANSIBLE_BECOME_EXE'], help: 'Program used for privilege escalation (defaults to the method name).' },
  DEFAULT_BECOME_FLAGS: { type: 'string', default: null, ini: [d('privilege_escalation', 'become_flags')], env: ['ANSIBLE_BECOME_FLAGS'], help: 'Extra flags for the privilege escalation program.' },
  DEFAULT_BECOME_METHOD: { type: 'string', default: 'sudo', ini: [d('privilege_escalation', 'become_method')], env: ['ANSIBLE_BECOME_METHOD'], help: 'Privilege escalation method (sudo, su, ...).' },
  DEFAULT_BECOME_USER: { type: 'string', default: 'root', ini: [d('privilege_escalation', 'become_user')], env: ['ANSIBLE_BECOME_USER'], help: 'User to become.' },
  DEFAULT_FORCE_HANDLERS: { type: 'boolean', default: false, ini: [d('defaults', 'force_handlers')], env: ['ANSIBLE_FORCE_HANDLERS'], help: 'Run notified handlers even on hosts that failed.' },
  DEFAULT_FORKS: {
    type: 'integer', default: 50, ini: [d('defaults', 'forks')], env: ['ANSIBLE_FORKS'],
    help: 'How many hosts are worked on at once. tsible defaults to 50 (Ansible: 5) because a host costs one SSH connection, not a process.',
  },
  DEFAULT_GATHERING: { type: 'string', default: 'implicit', ini: [d('defaults', 'gathering')], env: ['ANSIBLE_GATHERING'], choices: ['implicit', 'explicit', 'smart'], help: 'When to gather facts.' },
  DEFAULT_GATHER_TIMEOUT: { type: 'integer', default: null, ini: [d('defaults', 'gather_timeout')], env: ['ANSIBLE_GATHER_TIMEOUT'], help: 'Timeout in seconds for fact gathering.' },
  DEFAULT_HASH_BEHAVIOUR: { type: 'string', default: 'replace', ini: [d('defaults', 'hash_behaviour')], env: ['ANSIBLE_HASH_BEHAVIOUR'], choices: ['replace', 'merge'], help: 'Whether dictionary variables from different sources replace or merge.' },
  DEFAULT_HOST_LIST: { type: 'pathlist', default: '/etc/ansible/hosts', ini: [d('defaults', 'inventory')], env: ['ANSIBLE_INVENTORY'], help: 'Inventory sources, comma separated.' },
  DEFAULT_JINJA2_NATIVE: { type: 'boolean', default: false, ini: [d('defaults', 'jinja2_native')], env: ['ANSIBLE_JINJA2_NATIVE'], help: 'Keep native types in template results.' },
  DEFAULT_KEEP_REMOTE_FILES: { type: 'boolean', default: false, ini: [d('defaults', 'keep_remote_files')], env: ['ANSIBLE_KEEP_REMOTE_FILES'], help: 'Keep temporary files on targets (debugging).' },
  DEFAULT_LOCAL_TMP: { type: 'tmppath', default: '{{ANSIBLE_HOME}}/tmp', ini: [d('defaults', 'local_tmp')], env: ['ANSIBLE_LOCAL_TEMP'], help: 'Local directory for temporary files; each run makes its own subdirectory.' },
  DEFAULT_LOG_PATH: { type: 'path', default: null, ini: [d('defaults', 'log_path')], env: ['ANSIBLE_LOG_PATH'], help: 'File to log to, if any.' },
  DEFAULT_MANAGED_STR: { type: 'string', default: 'Ansible managed', ini: [d('defaults', 'ansible_managed')], help: 'Text of the ansible_managed template variable.' },
  DEFAULT_MODULE_NAME: { type: 'string', default: 'command', ini: [d('defaults', 'module_name')], help: 'Module used by `tsible run` when -m is not given.' },
  DEFAULT_NO_LOG: { type: 'boolean', default: false, ini: [d('defaults', 'no_log')], env: ['ANSIBLE_NO_LOG'], help: 'Hide task details in output and logs.' },
  DEFAULT_POLL_INTERVAL: { type: 'integer', default: 15, ini: [d('defaults', 'poll_interval')], env: ['ANSIBLE_POLL_INTERVAL'], help: 'Seconds between checks on asynchronous tasks.' },
  DEFAULT_PRIVATE_KEY_FILE: { type: 'path', default: null, ini: [d('defaults', 'private_key_file')], env: ['ANSIBLE_PRIVATE_KEY_FILE'], help: 'SSH private key file.' },
  DEFAULT_PRIVATE_ROLE_VARS: { type: 'boolean', default: false, ini: [d('defaults', 'private_role_vars')], env: ['ANSIBLE_PRIVATE_ROLE_VARS'], help: 'Keep role vars and defaults private to the role.' },
  DEFAULT_REMOTE_PORT: { type: 'integer', default: null, ini: [d('defaults', 'remote_port')], env: ['ANSIBLE_REMOTE_PORT'], help: 'SSH port on targets (default: 22 or ssh_config).' },
  DEFAULT_REMOTE_TMP: { type: 'string', default: '~/.ansible/tmp', ini: [d('defaults', 'remote_tmp')], env: ['ANSIBLE_REMOTE_TEMP', 'ANSIBLE_REMOTE_TMP'], help: 'Temporary directory on targets.', plugin: true },
  DEFAULT_REMOTE_USER: { type: 'string', default: null, ini: [d('defaults', 'remote_user')], env: ['ANSIBLE_REMOTE_USER'], help: 'SSH user on targets (default: the local user or ssh_config).' },
  DEFAULT_ROLES_PATH: { type: 'pathspec', default: '{{ANSIBLE_HOME}}/roles:/usr/share/ansible/roles:/etc/ansible/roles', ini: [d('defaults', 'roles_path')], env: ['ANSIBLE_ROLES_PATH'], help: 'Directories searched for roles, colon separated.' },
  DEFAULT_STDOUT_CALLBACK: { type: 'string', default: 'default', ini: [d('defaults', 'stdout_callback')], env: ['ANSIBLE_STDOUT_CALLBACK'], help: 'Output format of playbook runs.' },
  DEFAULT_STRATEGY: { type: 'string', default: 'linear', ini: [d('defaults', 'strategy')], env: ['ANSIBLE_STRATEGY'], help: 'Play strategy (linear or free).' },
  DEFAULT_TIMEOUT: { type: 'integer', default: 10, ini: [d('defaults', 'timeout')], env: ['ANSIBLE_TIMEOUT'], help: 'SSH connection timeout in seconds.' },
  DEFAULT_TRANSPORT: { type: 'string', default: 'smart', ini: [d('defaults', 'transport')], env: ['ANSIBLE_TRANSPORT'], help: 'Connection type (smart and ssh mean SSH; local runs on this machine).' },
  DEFAULT_UNDEFINED_VAR_BEHAVIOR: { type: 'boolean', default: true, ini: [d('defaults', 'error_on_undefined_vars')], env: ['ANSIBLE_ERROR_ON_UNDEFINED_VARS'], help: 'Fail when a template uses an undefined variable.' },
  DEFAULT_VAULT_IDENTITY: { type: 'string', default: 'default', ini: [d('defaults', 'vault_identity')], env: ['ANSIBLE_VAULT_IDENTITY'], help: 'Vault id label used when encrypting.' },
  DEFAULT_VAULT_IDENTITY_LIST: { type: 'list', default: [], ini: [d('defaults', 'vault_identity_list')], env: ['ANSIBLE_VAULT_IDENTITY_LIST'], help: 'Vault ids to use (label@source), comma separated.' },
  DEFAULT_VAULT_PASSWORD_FILE: { type: 'path', default: null, ini: [d('defaults', 'vault_password_file')], env: ['ANSIBLE_VAULT_PASSWORD_FILE'], help: 'File holding the vault password (or a script printing it).' },
  DEFAULT_VERBOSITY: { type: 'integer', default: 0, ini: [d('defaults', 'verbosity')], env: ['ANSIBLE_VERBOSITY'], help: 'Default verbosity, like that many -v.' },
  DEPRECATION_WARNINGS: { type: 'boolean', default: true, ini: [d('defaults', 'deprecation_warnings')], env: ['ANSIBLE_DEPRECATION_WARNINGS'], help: 'Show deprecation warnings.' },
  DISPLAY_ARGS_TO_STDOUT: { type: 'boolean', default: false, ini: [d('defaults', 'display_args_to_stdout')], env: ['ANSIBLE_DISPLAY_ARGS_TO_STDOUT'], help: 'Show task arguments in task headers.' },
  DISPLAY_SKIPPED_HOSTS: { type: 'boolean', default: true, ini: [d('defaults', 'display_skipped_hosts')], env: ['ANSIBLE_DISPLAY_SKIPPED_HOSTS'], help: 'Show skipped hosts in task output.' },
  DUPLICATE_YAML_DICT_KEY: { type: 'string', default: 'warn', ini: [d('defaults', 'duplicate_dict_key')], env: ['ANSIBLE_DUPLICATE_YAML_DICT_KEY'], choices: ['warn', 'error', 'ignore'], help: 'What to do about duplicate keys in YAML mappings.' },
  HOST_KEY_CHECKING: {
    type: 'boolean', default: true,
    ini: [d('defaults', 'host_key_checking'), d('ssh_connection', 'host_key_checking')],
    env: ['ANSIBLE_HOST_KEY_CHECKING', 'ANSIBLE_SSH_HOST_KEY_CHECKING'],
    help: 'Verify SSH host keys against known_hosts.',
  },
  HOST_PATTERN_MISMATCH: { type: 'string', default: 'warning', ini: [d('inventory', 'host_pattern_mismatch')], env: ['ANSIBLE_HOST_PATTERN_MISMATCH'], choices: ['warning', 'error', 'ignore'], help: 'What to do when a host pattern matches nothing.' },
  INTERPRETER_PYTHON: { type: 'string', default: 'auto', ini: [d('defaults', 'interpreter_python')], env: ['ANSIBLE_PYTHON_INTERPRETER'], help: 'Python interpreter on targets.', ignored: 'tsible modules do not need Python on targets' },
  INVENTORY_ANY_UNPARSED_IS_FAILED: { type: 'boolean', default: false, ini: [d('inventory', 'any_unparsed_is_failed')], env: ['ANSIBLE_INVENTORY_ANY_UNPARSED_IS_FAILED'], help: 'Fail if any inventory source cannot be parsed.' },
  INVENTORY_ENABLED: { type: 'list', default: ['host_list', 'script', 'auto', 'yaml', 'ini', 'toml'], ini: [d('inventory', 'enable_plugins')], env: ['ANSIBLE_INVENTORY_ENABLED'], help: 'Inventory plugins to try, in order.' },
  INVENTORY_IGNORE_EXTS: {
    type: 'list', default: ['.pyc', '.pyo', '.swp', '.bak', '~', '.rpm', '.md', '.txt', '.rst', '.orig', '.ini', '.cfg', '.retry'], defaultIsTuple: true,
    ini: [d('defaults', 'inventory_ignore_extensions'), d('inventory', 'ignore_extensions')], env: ['ANSIBLE_INVENTORY_IGNORE'],
    help: 'File name endings skipped in inventory directories.',
  },
  INVENTORY_IGNORE_PATTERNS: { type: 'list', default: [], ini: [d('defaults', 'inventory_ignore_patterns'), d('inventory', 'ignore_patterns')], env: ['ANSIBLE_INVENTORY_IGNORE_REGEX'], help: 'Regular expressions of file names skipped in inventory directories.' },
  INVENTORY_UNPARSED_IS_FAILED: { type: 'boolean', default: false, ini: [d('inventory', 'unparsed_is_failed')], env: ['ANSIBLE_INVENTORY_UNPARSED_FAILED'], help: 'Fail if no inventory source could be parsed.' },
  INVENTORY_UNPARSED_WARNING: { type: 'boolean', default: true, ini: [d('inventory', 'inventory_unparsed_warning')], env: ['ANSIBLE_INVENTORY_UNPARSED_WARNING'], help: 'Warn when no inventory was parsed.' },
  LOCALHOST_WARNING: { type: 'boolean', default: true, ini: [d('defaults', 'localhost_warning')], env: ['ANSIBLE_LOCALHOST_WARNING'], help: 'Warn when only the implicit localhost is available.' },
  PERSISTENT_COMMAND_TIMEOUT: { type: 'integer', default: 30, ini: [d('persistent_connection', 'command_timeout')], env: ['ANSIBLE_PERSISTENT_COMMAND_TIMEOUT'], help: 'Command timeout of persistent connections.', ignored: 'network persistent connections are not supported' },
  PERSISTENT_CONNECT_TIMEOUT: { type: 'integer', default: 30, ini: [d('persistent_connection', 'connect_timeout')], env: ['ANSIBLE_PERSISTENT_CONNECT_TIMEOUT'], help: 'Idle timeout of persistent connections.', ignored: 'network persistent connections are not supported' },
  RECIPES_PATH: { type: 'pathspec', default: '~/.tsible/recipes', ini: [d('defaults', 'recipes_path')], env: ['TSIBLE_RECIPES_PATH'], help: 'tsible only: directories searched for recipes, colon separated.' },
  RETRY_FILES_ENABLED: { type: 'boolean', default: false, ini: [d('defaults', 'retry_files_enabled')], env: ['ANSIBLE_RETRY_FILES_ENABLED'], help: 'Write .retry files after failed runs.', ignored: 'tsible never writes retry files' },
  RETRY_FILES_SAVE_PATH: { type: 'path', default: null, ini: [d('defaults', 'retry_files_save_path')], env: ['ANSIBLE_RETRY_FILES_SAVE_PATH'], help: 'Where .retry files would go.', ignored: 'tsible never writes retry files' },
  SYSTEM_WARNINGS: { type: 'boolean', default: true, ini: [d('defaults', 'system_warnings')], env: ['ANSIBLE_SYSTEM_WARNINGS'], help: 'Show warnings about the machine tsible runs on.' },
  TAGS_RUN: { type: 'list', default: [], ini: [d('tags', 'run')], env: ['ANSIBLE_RUN_TAGS'], help: 'Only run tasks with these tags.' },
  TAGS_SKIP: { type: 'list', default: [], ini: [d('tags', 'skip')], env: ['ANSIBLE_SKIP_TAGS'], help: 'Skip tasks with these tags.' },
} as const satisfies Record<string, SettingDefinition>;

export type SettingName = keyof typeof SETTINGS;

type ValueOfType<T extends SettingType> = T extends 'boolean'
  ? boolean
  : T extends 'integer' | 'float'
    ? number
    : T extends 'list' | 'pathlist' | 'pathspec'
      ? string[]
      : string;

type Definition<N extends SettingName> = (typeof SETTINGS)[N];

/** A string setting with fixed choices narrows to them (e.g. 'implicit' | 'explicit' | 'smart'). */
type ValueOfSetting<N extends SettingName> = Definition<N> extends { readonly choices: readonly (infer C extends string)[] }
  ? C
  : ValueOfType<Definition<N>['type']>;

/** The type `config.get(name)` returns: from the setting's type, plus null where the default is None. */
export type SettingValue<N extends SettingName> = ValueOfSetting<N> | (Definition<N>['default'] extends null ? null : never);

export const SETTING_NAMES = Object.keys(SETTINGS).sort() as SettingName[];

export function settingDefinition(name: SettingName): SettingDefinition {
  return SETTINGS[name];
}

/** Environment variables in lookup order (last set wins): Ansible's, then their TSIBLE_ twins. */
export function envNames(def: SettingDefinition): string[] {
  const ansible = def.env ?? [];
  const twins = ansible.filter((n) => n.startsWith('ANSIBLE_')).map((n) => `TSIBLE_${n.slice('ANSIBLE_'.length)}`);
  return [...ansible, ...twins];
}
