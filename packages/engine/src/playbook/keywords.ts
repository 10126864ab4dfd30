/**
 * The keywords Ansible 2.14 accepts on each kind of object (its FieldAttributes),
 * used to validate playbooks and to tell task keywords from the action name.
 */
const COMMON = [
  'any_errors_fatal', 'become', 'become_exe', 'become_flags', 'become_method', 'become_user', 'check_mode', 'collections',
  'connection', 'debugger', 'diff', 'environment', 'ignore_errors', 'ignore_unreachable', 'module_defaults', 'name', 'no_log',
  'port', 'remote_user', 'run_once', 'tags', 'throttle', 'timeout', 'vars',
];

export const PLAY_KEYWORDS: ReadonlySet<string> = new Set([
  ...COMMON, 'fact_path', 'force_handlers', 'gather_facts', 'gather_subset', 'gather_timeout', 'handlers', 'hosts', 'max_fail_percentage',
  'order', 'post_tasks', 'pre_tasks', 'roles', 'serial', 'strategy', 'tasks', 'vars_files', 'vars_prompt',
]);

export const BLOCK_KEYWORDS: ReadonlySet<string> = new Set([
  ...COMMON, 'always', 'block', 'delegate_facts', 'delegate_to', 'notify', 'rescue', 'when',
]);

export const TASK_KEYWORDS: ReadonlySet<string> = new Set([
  ...COMMON, 'action', 'args', 'async', 'changed_when', 'delay', 'delegate_facts', 'delegate_to', 'failed_when', 'local_action', 'loop',
  'loop_control', 'notify', 'poll', 'register', 'retries', 'until', 'when',
]);

/** Handlers accept every task keyword plus `listen`. */
export const HANDLER_KEYWORDS: ReadonlySet<string> = new Set([...TASK_KEYWORDS, 'listen']);

/** Keys ModArgsParser never takes for an action name (task + handler attributes). */
export const NON_ACTION_KEYS: ReadonlySet<string> = new Set([...HANDLER_KEYWORDS, 'static']);

/** Keywords of a `roles:` entry; any other key is a role parameter. */
export const ROLE_ENTRY_KEYWORDS: ReadonlySet<string> = new Set([...COMMON, 'role', 'when']);

/** Keywords of an `import_playbook` entry. */
export const IMPORT_PLAYBOOK_KEYWORDS: ReadonlySet<string> = new Set([...COMMON, 'import_playbook', 'when']);

/** Options of include_role / import_role. */
export const INCLUDE_ROLE_OPTIONS: ReadonlySet<string> = new Set([
  'allow_duplicates', 'apply', 'defaults_from', 'handlers_from', 'name', 'public', 'role', 'rolespec_validate', 'tasks_from', 'vars_from',
]);

/** Options of include_tasks / import_tasks. */
export const INCLUDE_TASKS_OPTIONS: ReadonlySet<string> = new Set(['_raw_params', 'apply', 'file']);

/** Loop keywords: `loop` and the `with_<lookup>` family. */
export function isLoopKeyword(key: string): boolean {
  return key === 'loop' || key.startsWith('with_');
}
