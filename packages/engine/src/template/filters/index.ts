import type { Environment, FilterDef } from '../jinja/environment.js';
import { coreFilters } from './core.js';
import { dictFilters } from './dicts.js';
import { dateFilters } from './dates.js';
import { encodingFilters } from './encoding.js';
import { listFilters } from './lists.js';
import { numberFilters } from './numbers.js';
import { pathFilters } from './paths.js';
import { randomFilters } from './random.js';
import { regexFilters } from './regex.js';
import { serializeFilters } from './serialize.js';
import { textFilters } from './text.js';
import { urlFilters } from './url.js';
import { markupFilters } from './markup.js';
import { structureFilters } from './structure.js';
import { versionCompare } from '../tests/version.js';

const families: Array<Record<string, FilterDef>> = [
  coreFilters, dateFilters, dictFilters, encodingFilters, listFilters, numberFilters, pathFilters,
  randomFilters, regexFilters, serializeFilters, textFilters, urlFilters, markupFilters, structureFilters,
  { version_compare: { fn: versionCompare } },
];

export function registerBuiltinFilters(env: Environment): void {
  for (const family of families) for (const [name, def] of Object.entries(family)) env.filters.set(name, def);
}
