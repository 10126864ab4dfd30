import type { SourceLocation } from '../../errors/source-location.js';
import type { Emitter } from '../../output/events.js';
import { TemplateRuntimeError } from '../jinja/runtime-error.js';
import { ensureDefined } from '../jinja/undefined.js';
import { plain } from '../python/compare.js';
import { pythonStr } from '../python/repr.js';
import { pyTruthy } from '../python/truthy.js';
import type { Templar } from '../templar.js';

/** What a lookup may use: the templar (for `template`), search paths, variables, events. */
export interface LookupContext {
  templar: Templar;
  searchPaths: string[];
  events: Emitter;
  location: SourceLocation | undefined;
  variable(name: string): unknown;
}

/** A lookup plugin: terms in, list of results out (Ansible's LookupBase.run). */
export type LookupFn = (terms: unknown[], kwargs: Record<string, unknown>, ctx: LookupContext) => unknown[];

const registry = new Map<string, LookupFn>();

export function registerLookup(name: string, fn: LookupFn): void {
  registry.set(name, fn);
}

export function getLookup(name: string): LookupFn | undefined {
  return registry.get(name) ?? registry.get(name.replace(/^ansible\.(builtin|legacy)\./, ''));
}

export function lookupNames(): string[] {
  return [...registry.keys()].sort();
}

/**
 * `lookup('x', ...)` joins results with ',' unless wantlist=True;
 * `query`/`q` always returns the list. errors=ignore|warn|strict as in Ansible.
 */
export function runLookup(mode: 'lookup' | 'query', args: unknown[], kwargs: Record<string, unknown>, ctx: LookupContext): unknown {
  if (args.length === 0) throw new TemplateRuntimeError('You must specify a lookup name');
  const name = pythonStr(plain(ensureDefined(args[0])));
  const fn = getLookup(name);
  if (!fn) throw new TemplateRuntimeError(`lookup plugin (${name}) not found`);
  const { wantlist, errors, ...options } = kwargs;
  const terms = args.slice(1).map((t) => ensureDefined(t));
  let results: unknown[];
  try {
    results = fn(terms, options, ctx);
  } catch (err) {
    const policy = errors === undefined ? 'strict' : pythonStr(errors);
    if (policy === 'ignore' || policy === 'warn') {
      if (policy === 'warn') ctx.events.warn('template.lookup', `An unhandled exception occurred while running the lookup plugin '${name}'. Error was a ${err instanceof Error ? err.name : 'error'}, original message: ${err instanceof Error ? err.message : String(err)}`);
      return mode === 'query' || (wantlist !== undefined && pyTruthy(wantlist)) ? [] : null;
    }
    throw err;
  }
  if (mode === 'query' || (wantlist !== undefined && pyTruthy(wantlist)) || results.length === 0) return results;
  // Ansible joins string results with ','; other results come back as the item or the list.
  if (results.every((r) => typeof plain(r) === 'string')) return results.map((r) => plain(r)).join(',');
  return results.length === 1 ? results[0] : results;
}
