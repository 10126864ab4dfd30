import type { Environment, FilterDef } from '../jinja/environment.js';
import { coreFilters } from './core.js';

const families: Array<Record<string, FilterDef>> = [coreFilters];

export function registerBuiltinFilters(env: Environment): void {
  for (const family of families) for (const [name, def] of Object.entries(family)) env.filters.set(name, def);
}
