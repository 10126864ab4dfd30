import { dictLookup, indexedItemsLookup, itemsLookup, listLookup, nestedLookup, subelementsLookup, togetherLookup } from './collections.js';
import { envLookup, fileglobLookup, fileLookup, firstFoundLookup, linesLookup, passwordLookup, pipeLookup, templateLookup, varsLookup } from './files.js';
import { registerLookup, type LookupFn } from './registry.js';
import { sequenceLookup } from './sequence.js';

/** Every built-in lookup, keyed by name; `with_<name>` loops use the same table. */
export const BUILTIN_LOOKUPS: Readonly<Record<string, LookupFn>> = {
  file: fileLookup,
  env: envLookup,
  template: templateLookup,
  pipe: pipeLookup,
  lines: linesLookup,
  first_found: firstFoundLookup,
  fileglob: fileglobLookup,
  vars: varsLookup,
  password: passwordLookup,
  items: itemsLookup,
  dict: dictLookup,
  indexed_items: indexedItemsLookup,
  sequence: sequenceLookup,
  subelements: subelementsLookup,
  nested: nestedLookup,
  together: togetherLookup,
  list: listLookup,
};

for (const [name, fn] of Object.entries(BUILTIN_LOOKUPS)) registerLookup(name, fn);

export { getLookup, runLookup, registerLookup, lookupNames, type LookupFn, type LookupContext } from './registry.js';
