/**
 * Action names as Ansible spells them and how tsible maps them onto the names
 * it provides. `ansible.builtin.file`, `ansible.legacy.file` and plain `file`
 * are the same action; so are the collections whose modules tsible ships
 * under their short names.
 */

/** Collections whose module names map to tsible's short names. */
const SHORT_NAME_COLLECTIONS = ['ansible.builtin.', 'ansible.legacy.', 'ansible.posix.', 'community.general.'];

/** `ansible.builtin.copy` → `copy`; names outside the mapped collections are kept as written. */
export function shortActionName(name: string): string {
  for (const prefix of SHORT_NAME_COLLECTIONS) {
    if (name.startsWith(prefix) && name.length > prefix.length) return name.slice(prefix.length);
  }
  return name;
}

/** Modules whose whole argument string is the command (`_raw_params`), as Ansible's FREEFORM_ACTIONS. */
export const FREE_FORM_ACTIONS: ReadonlySet<string> = new Set(['command', 'shell', 'raw', 'script', 'win_command', 'win_shell']);

/** Actions that may carry `_raw_params` besides the free-form modules. */
export const RAW_PARAM_ACTIONS: ReadonlySet<string> = new Set([
  ...FREE_FORM_ACTIONS,
  'include', 'include_vars', 'include_tasks', 'include_role', 'import_tasks', 'import_role', 'add_host', 'group_by', 'set_fact', 'meta',
]);

/** Actions the task loader itself handles (they are always actions, never unknown keys). */
export const BUILTIN_TASK_ACTIONS: ReadonlySet<string> = new Set(['meta', 'include', 'include_tasks', 'include_role', 'import_tasks', 'import_role']);

/** Engine-level actions tsible provides whatever modules are installed. */
export const ENGINE_ACTIONS: readonly string[] = [
  'debug', 'set_fact', 'assert', 'fail', 'meta', 'pause', 'include_tasks', 'import_tasks', 'include_role', 'import_role',
  'include_vars', 'add_host', 'group_by', 'set_stats', 'import_playbook',
];

export const IMPORT_PLAYBOOK_HINT = 'import_playbook is a playbook entry: put it at the top level of the playbook, next to the plays';

/** Whether `name` is written in a way that maps to an action tsible knows. */
export function isKnownAction(name: string, knownActions: ReadonlySet<string>): boolean {
  const short = shortActionName(name);
  return knownActions.has(name) || knownActions.has(short) || BUILTIN_TASK_ACTIONS.has(short);
}

export function isFreeForm(name: string): boolean {
  return FREE_FORM_ACTIONS.has(rawShortName(name));
}

export function acceptsRawParams(name: string): boolean {
  return RAW_PARAM_ACTIONS.has(rawShortName(name));
}

/** Only Ansible's own synthetic collections count for the free-form rules, as in Ansible. */
function rawShortName(name: string): string {
  for (const prefix of ['ansible.builtin.', 'ansible.legacy.']) if (name.startsWith(prefix)) return name.slice(prefix.length);
  if (name.startsWith('ansible.windows.')) return name.slice('ansible.windows.'.length);
  return name;
}
