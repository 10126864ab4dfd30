// Public surface of the templating engine.
export { Templar, varsFromObject, type VarsSource, type TemplarOptions, type RenderOptions } from './templar.js';
export { createDefaultEnvironment } from './default-environment.js';
export { Environment, type FilterDef, type TestDef, type FilterFn, type TestFn, type CallContext } from './jinja/environment.js';
export { templateFileOptions } from './template-file.js';
export { BUILTIN_LOOKUPS, getLookup, runLookup, lookupNames, type LookupFn, type LookupContext } from './lookups/index.js';
export { isUnsafe, markUnsafe, type UnsafeLike } from './unsafe.js';
export { OMIT_TOKEN, isOmit } from './omit.js';
export { pythonRepr, pythonStr } from './python/repr.js';
export { literalEval } from './python/literal-eval.js';
export { PyFloat } from './python/float.js';
export { shellQuote } from './filters/text.js';
export { templateFileVars, type TemplateFileVarsOptions } from './template-vars.js';
