import type { ModuleResult } from '../../module-api/module.js';
import { VaultText } from '../../loader/tagged-values.js';
import { pythonJsonDumps } from '../../template/python/json-dumps.js';

const DEBUG_ALLOWED = new Set(['msg', 'exception', 'warnings', 'deprecations']);
const HIDE_IN_DEBUG = ['changed', 'failed', 'skipped', 'invocation', 'skip_reason'];

/** Ansible's _clean_results: debug shows only what it was asked to show. */
export function cleanResult(result: ModuleResult, action: string): ModuleResult {
  if (action !== 'debug') return { ...result };
  const out: ModuleResult = {};
  if ('msg' in result) {
    for (const [key, value] of Object.entries(result)) if (DEBUG_ALLOWED.has(key) || key.startsWith('_')) out[key] = value;
    return out;
  }
  for (const [key, value] of Object.entries(result)) if (!HIDE_IN_DEBUG.includes(key)) out[key] = value;
  return out;
}

/**
 * Ansible's _dump_results: internal keys removed, invocation/diff only from
 * -vvv, exception never; indented when the result asks to always be shown or at -vvv.
 */
export function dumpResult(result: ModuleResult, verbosity: number): string {
  const shown: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(result)) {
    if (key.startsWith('_ansible_') || key === 'exception' || key === 'failed' || key === 'skipped') continue;
    if (verbosity < 3 && (key === 'invocation' || key === 'diff')) continue;
    shown[key] = stripInternal(value);
  }
  const indent = result['_ansible_verbose_always'] === true || verbosity > 2 ? 4 : null;
  return pythonJsonDumps(shown, { indent, sortKeys: true, ensureAscii: false });
}

function stripInternal(value: unknown): unknown {
  // Ansible's encoder shows a vaulted value as its ciphertext.
  if (value instanceof VaultText) return { __ansible_vault: value.ciphertext };
  if (Array.isArray(value)) return value.map(stripInternal);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).filter(([k]) => !k.startsWith('_ansible_')).map(([k, v]) => [k, stripInternal(v)]));
  }
  return value;
}

/** Verbose when asked (-v) or when the result always shows itself (debug), unless it overrides that. */
export function isVerbose(result: ModuleResult, verbosity: number): boolean {
  return (verbosity > 0 || '_ansible_verbose_always' in result) && !('_ansible_verbose_override' in result);
}
