// The playbook model and loader, as the runner and the CLI use them.
export type * from './model.js';
export { loadPlaybook } from './load/playbook.js';
export type { PlaybookLoadOptions } from './load/scope.js';
export { compileHandlers, compilePlay, tasksOf } from './compile.js';
export { ancestorsOf, inheritedConditions, inheritedKeyword, inheritedTags, type Ancestor } from './inheritance.js';
export { isSelected, tagSelection, type TagSelection } from './tag-selection.js';
export { providedActions } from './provided-actions.js';
export { ENGINE_ACTIONS, shortActionName } from './args/action-names.js';
export { parseKv } from './args/parse-kv.js';
export { splitArgs, joinArgs } from './args/split-args.js';
export { formatListing, taskLabel, type ListingRequest } from './listing/format-listing.js';
export { displayPlay } from './listing/play-display.js';
