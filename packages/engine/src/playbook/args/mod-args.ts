import { UnsafeText } from '../../loader/tagged-values.js';
import { didYouMean } from '../did-you-mean.js';
import { isMapping, parserError } from '../errors.js';
import { pythonTypeName } from '../python-type-name.js';
import { HANDLER_KEYWORDS, NON_ACTION_KEYS, TASK_KEYWORDS } from '../keywords.js';
import { locate } from '../yaml-source.js';
import { acceptsRawParams, IMPORT_PLAYBOOK_HINT, isFreeForm, isKnownAction, shortActionName } from './action-names.js';
import { parseKv, unquote } from './parse-kv.js';
import { splitArgs } from './split-args.js';

export interface ResolvedAction {
  /** The action as written (`ansible.builtin.copy`), which is what Ansible lists. */
  action: string;
  /** tsible's name for it (`copy`). */
  resolved: string;
  args: Record<string, unknown>;
  /** Set by `delegate_to:` or implied by `local_action:`. */
  delegateTo?: unknown;
  /** The key the action came from (`copy`, `action`, `local_action`). */
  sourceKey: string;
}

export interface ActionContext {
  knownActions: ReadonlySet<string>;
  isHandler: boolean;
}

/**
 * Finds a task's action and arguments in any of the forms Ansible accepts
 * (module key with a mapping or `k=v` string, `action:`, `local_action:`,
 * `args:` merged) and rejects tasks with none, several, or an unknown one.
 */
export function resolveAction(task: Record<string, unknown>, ctx: ActionContext): ResolvedAction {
  const extraArgs = task['args'];
  let found: { action: string; args: Record<string, unknown>; sourceKey: string } | undefined;
  let delegateTo: unknown = task['delegate_to'];

  if ('action' in task) found = { ...oldStyle(task, 'action', extraArgs), sourceKey: 'action' };
  if ('local_action' in task) {
    if (found) throw parserError('TSIBLE_PLAYBOOK_ACTION_CONFLICT', 'action and local_action are mutually exclusive', locate(task, 'local_action'));
    found = { ...oldStyle(task, 'local_action', extraArgs), sourceKey: 'local_action' };
    delegateTo = 'localhost';
  }

  const candidates = Object.keys(task).filter((key) => !NON_ACTION_KEYS.has(key) && !key.startsWith('with_'));
  for (const key of candidates) {
    if (found) {
      const wrong = [found.action, key].find((k) => !isKnownAction(k, ctx.knownActions));
      throw parserError(
        'TSIBLE_PLAYBOOK_ACTION_CONFLICT',
        `conflicting action statements: ${found.action}, ${key}`,
        locate(task, key),
        wrong === undefined ? undefined : keywordHint(wrong, ctx),
      );
    }
    found = { action: key, args: newStyleArgs(task, key, extraArgs), sourceKey: key };
  }

  if (!found) {
    throw parserError('TSIBLE_PLAYBOOK_NO_ACTION', 'no module/action detected in task.', locate(task));
  }
  if (!isKnownAction(found.action, ctx.knownActions)) {
    const short = shortActionName(found.action);
    throw parserError(
      'TSIBLE_PLAYBOOK_UNKNOWN_ACTION',
      `couldn't resolve module/action '${found.action}'. This often indicates a misspelling, missing collection, or incorrect module path.`,
      locate(task, found.sourceKey),
      didYouMean(short, [...ctx.knownActions]) ?? keywordHint(found.action, ctx),
    );
  }
  const args = found.args;
  const raw = args['_raw_params'];
  if (typeof raw === 'string' && raw !== '' && !acceptsRawParams(found.action)) {
    if (!isTemplate(raw)) {
      throw parserError(
        'TSIBLE_PLAYBOOK_EXTRA_PARAMS',
        `this task '${found.action}' has extra params, which is only allowed in the following modules: ${[...RAW_PARAM_LIST].join(', ')}`,
        locate(task, found.sourceKey),
        extraParamsHint(found.action, raw),
      );
    }
    delete args['_raw_params'];
    args['_variable_params'] = raw;
  }
  const resolved: ResolvedAction = { action: found.action, resolved: shortActionName(found.action), args, sourceKey: found.sourceKey };
  if (delegateTo !== undefined) resolved.delegateTo = delegateTo;
  return resolved;
}

const RAW_PARAM_LIST = ['add_host', 'command', 'group_by', 'import_role', 'import_tasks', 'include', 'include_role', 'include_tasks', 'include_vars', 'meta', 'raw', 'script', 'set_fact', 'shell', 'win_command', 'win_shell'];

function extraParamsHint(action: string, raw: string): string | undefined {
  if (shortActionName(action) === 'import_playbook') return IMPORT_PLAYBOOK_HINT;
  if (raw.includes(': ')) return 'a `k=v` argument string uses `=`, not `: `';
  return `'${raw}' is not a key=value pair; quote values that contain spaces`;
}

function keywordHint(word: string, ctx: ActionContext): string | undefined {
  const hint = didYouMean(word, ctx.isHandler ? HANDLER_KEYWORDS : TASK_KEYWORDS);
  return hint === undefined ? undefined : `'${word}' is not a valid task keyword; ${hint}`;
}

export function isTemplate(text: string): boolean {
  return /\{\{|\{%/.test(text);
}

/** `module: <mapping | k=v string | nothing>` */
function newStyleArgs(task: Record<string, unknown>, key: string, extraArgs: unknown): Record<string, unknown> {
  const value = task[key];
  let args: Record<string, unknown>;
  if (isMapping(value)) args = { ...value };
  else if (typeof value === 'string') args = parseKv(value, isFreeForm(key));
  else if (value instanceof UnsafeText) args = unsafeArgs(value, key);
  else if (value === null || value === undefined) args = {};
  else if (typeof value === 'number' || typeof value === 'boolean') args = parseKv(String(value), isFreeForm(key));
  else throw parserError('TSIBLE_PLAYBOOK_ARGS_TYPE', `unexpected parameter type in action: ${pythonTypeName(value)}`, locate(task, key));
  return mergeArgs(task, key, extraArgs, args);
}

/**
 * `shell: !unsafe 'echo {{ not a template }}'`: the text must never be
 * templated, so what comes out of it stays marked unsafe.
 */
function unsafeArgs(value: UnsafeText, key: string): Record<string, unknown> {
  if (isFreeForm(key)) return { _raw_params: value };
  const args: Record<string, unknown> = {};
  for (const [name, text] of Object.entries(parseKv(value.text))) args[name] = new UnsafeText(text);
  return args;
}

/** `action: copy src=a dest=b` or `action: {module: copy, src: a}` */
function oldStyle(task: Record<string, unknown>, key: string, extraArgs: unknown): { action: string; args: Record<string, unknown> } {
  const value = task[key];
  let action: string;
  let args: Record<string, unknown>;
  if (isMapping(value)) {
    const module = value['module'];
    if (typeof module !== 'string') {
      throw parserError('TSIBLE_PLAYBOOK_NO_ACTION', 'no module/action detected in task.', locate(task, key), `'${key}:' as a mapping needs a 'module:' key`);
    }
    const [name, rest] = splitModuleString(module);
    action = name;
    const { module: _dropped, ...others } = value;
    void _dropped;
    args = { ...others, ...parseKv(rest, isFreeForm(name)) };
  } else if (typeof value === 'string') {
    const [name, rest] = splitModuleString(value);
    action = name;
    args = parseKv(rest, isFreeForm(name));
  } else {
    throw parserError('TSIBLE_PLAYBOOK_ARGS_TYPE', `unexpected parameter type in action: ${pythonTypeName(value)}`, locate(task, key));
  }
  const nested = args['args'];
  if (nested !== undefined) {
    delete args['args'];
    Object.assign(args, typeof nested === 'string' ? parseKv(nested) : isMapping(nested) ? nested : {});
  }
  return { action, args: mergeArgs(task, key, extraArgs, args) };
}

function splitModuleString(text: string): [string, string] {
  const tokens = splitArgs(text);
  const first = unquote((tokens[0] ?? '').trim());
  return [first.trim(), tokens.slice(1).join(' ')];
}

/** `args:` first, then the action's own arguments on top, as Ansible merges them. */
function mergeArgs(task: Record<string, unknown>, key: string, extraArgs: unknown, args: Record<string, unknown>): Record<string, unknown> {
  if (extraArgs === undefined || extraArgs === null) return checkReserved(task, key, args);
  if (typeof extraArgs === 'string') {
    if (!isTemplate(extraArgs)) {
      throw parserError(
        'TSIBLE_PLAYBOOK_ARGS_TYPE',
        "Complex args containing variables cannot use bare variables (without Jinja2 delimiters), and must use the full variable style ('{{var_name}}')",
        locate(task, 'args'),
      );
    }
    return checkReserved(task, key, { _variable_params: extraArgs, ...args });
  }
  if (!isMapping(extraArgs)) {
    throw parserError('TSIBLE_PLAYBOOK_ARGS_TYPE', 'Complex args must be a dictionary or variable string ("{{var}}").', locate(task, 'args'));
  }
  return checkReserved(task, key, { ...extraArgs, ...args });
}

function checkReserved(task: Record<string, unknown>, key: string, args: Record<string, unknown>): Record<string, unknown> {
  const action = typeof task[key] === 'string' && (key === 'action' || key === 'local_action') ? splitModuleString(task[key] as string)[0] : key;
  if (isFreeForm(action)) return args;
  const reserved = Object.keys(args).find((arg) => arg.startsWith('_ansible_'));
  if (reserved !== undefined) {
    throw parserError('TSIBLE_PLAYBOOK_RESERVED_ARG', `invalid parameter specified for action '${action}': '${reserved}'`, locate(task, key));
  }
  return args;
}
