// Public surface of the templating engine. Python-semantics helpers (repr, literal_eval...)
// stay internal: import them from their modules, so engine-wide names do not clash.
export { Templar, varsFromObject, type VarsSource, type TemplarOptions, type RenderOptions } from './templar.js';
export { createDefaultEnvironment, sharedEnvironment } from './default-environment.js';
export { Environment as TemplateEnvironment, type FilterDef, type TestDef, type FilterFn, type TestFn, type CallContext as TemplateCallContext } from './jinja/environment.js';
export { templateFileOptions } from './template-file.js';
export { BUILTIN_LOOKUPS, getLookup, runLookup, lookupNames, type LookupFn, type LookupContext } from './lookups/index.js';
export { isUnsafe, markUnsafe, type UnsafeLike } from './unsafe.js';
export { OMIT_TOKEN, isOmit } from './omit.js';
export { PyFloat } from './python/float.js';
export { templateFileVars, type TemplateFileVarsOptions } from './template-vars.js';
export type { LazyMapping } from './jinja/lazy-mapping.js';
