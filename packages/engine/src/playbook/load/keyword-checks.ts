import { didYouMean } from '../did-you-mean.js';
import { isMapping, loadError, parserError } from '../errors.js';
import { hasTemplate } from '../load-time-templates.js';
import { locate } from '../yaml-source.js';

/** Rejects keys an object does not accept: `'x' is not a valid attribute for a Play`. */
export function rejectUnknownKeys(ds: Record<string, unknown>, allowed: ReadonlySet<string>, objectName: string, ignore: (key: string) => boolean = () => false): void {
  for (const key of Object.keys(ds)) {
    if (allowed.has(key) || ignore(key)) continue;
    const hint = didYouMean(key, allowed);
    throw parserError('TSIBLE_PLAYBOOK_INVALID_ATTRIBUTE', `'${key}' is not a valid attribute for a ${objectName}`, locate(ds, key), hint);
  }
}

/** `tags: a, b` / `tags: [a, b]` → ['a', 'b'], as Ansible reads them. */
export function readTags(ds: Record<string, unknown>): string[] {
  const value = ds['tags'];
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.map((tag) => String(tag));
  if (typeof value === 'string') return value.split(',').map((tag) => tag.trim());
  throw loadError('TSIBLE_PLAYBOOK_TYPE', 'tags must be specified as a list', locate(ds, 'tags'));
}

const TRUE_WORDS = new Set(['yes', 'on', '1', 'true', 'y', 't']);
const FALSE_WORDS = new Set(['no', 'off', '0', 'false', 'n', 'f']);

/** Ansible's boolean(): true/false for what it accepts, undefined otherwise. */
export function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
  }
  return undefined;
}

const BOOLEAN_KEYWORDS = [
  'any_errors_fatal', 'become', 'check_mode', 'delegate_facts', 'diff', 'force_handlers', 'gather_facts', 'ignore_errors',
  'ignore_unreachable', 'no_log', 'run_once',
];
const INTEGER_KEYWORDS = ['async', 'delay', 'gather_timeout', 'poll', 'port', 'retries', 'throttle', 'timeout'];
const STRING_KEYWORDS = ['become_exe', 'become_flags', 'become_method', 'become_user', 'connection', 'debugger', 'delegate_to', 'fact_path', 'order', 'register', 'remote_user', 'strategy'];

/**
 * Checks the keyword values that can be checked before templating: booleans,
 * integers, strings and mappings written literally. Templates are left for run time.
 */
export function checkKeywordTypes(ds: Record<string, unknown>): void {
  for (const key of BOOLEAN_KEYWORDS) {
    const value = ds[key];
    if (value === undefined || value === null || isTemplated(value)) continue;
    if (toBoolean(value) === undefined) {
      throw parserError(
        'TSIBLE_PLAYBOOK_TYPE',
        `the field '${key}' has an invalid value (${String(value)}), and could not be converted to an bool.`,
        locate(ds, key),
        "valid booleans are yes/no, true/false, on/off, y/n, t/f, 1/0",
      );
    }
  }
  for (const key of INTEGER_KEYWORDS) {
    const value = ds[key];
    if (value === undefined || value === null || isTemplated(value)) continue;
    if (!(typeof value === 'number' && Number.isInteger(value)) && !(typeof value === 'string' && /^\s*[-+]?\d+\s*$/.test(value))) {
      throw parserError('TSIBLE_PLAYBOOK_TYPE', `the field '${key}' has an invalid value (${String(value)}), and could not be converted to an int.`, locate(ds, key));
    }
  }
  for (const key of STRING_KEYWORDS) {
    const value = ds[key];
    if (value === undefined || value === null) continue;
    if (typeof value === 'object') {
      throw parserError('TSIBLE_PLAYBOOK_TYPE', `the field '${key}' should be a string but is a ${Array.isArray(value) ? 'list' : 'mapping'}.`, locate(ds, key));
    }
  }
  const register = ds['register'];
  if (typeof register === 'string' && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(register)) {
    throw parserError('TSIBLE_PLAYBOOK_TYPE', `Invalid variable name in 'register' specified: '${register}'`, locate(ds, 'register'));
  }
  for (const key of ['loop_control']) {
    const value = ds[key];
    if (value !== undefined && value !== null && !isMapping(value) && !isTemplated(value)) {
      throw parserError('TSIBLE_PLAYBOOK_TYPE', `the field '${key}' should be a mapping.`, locate(ds, key));
    }
  }
}

/** `vars:` must be a mapping (or a list of mappings, merged), as Ansible requires. */
export function readVars(ds: Record<string, unknown>, objectName: string): Record<string, unknown> {
  const value = ds['vars'];
  if (value === undefined || value === null) return {};
  if (isMapping(value)) return { ...value };
  if (Array.isArray(value) && value.every(isMapping)) return Object.assign({}, ...value) as Record<string, unknown>;
  throw parserError('TSIBLE_PLAYBOOK_TYPE', `Vars in a ${objectName} must be specified as a dictionary, or a list of dictionaries`, locate(ds, 'vars'));
}

function isTemplated(value: unknown): boolean {
  return typeof value === 'string' && hasTemplate(value);
}

/** Keywords stored raw on a node: everything but the keys the loader turned into structure. */
export function keywordsWithout(ds: Record<string, unknown>, structural: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(ds)) if (!structural.has(key)) out[key] = value;
  return out;
}
