// Variables as plays see them: precedence layers, magic variables, per-host run state.
export { HostVarStore, factsAsVars } from './host-var-store.js';
export { layeredVars, type PlayVarsInput, type TaskScope } from './layered-vars.js';
export { playMagicVars, roleMagicVars, type RunFacts, type PlayFacts } from './magic-vars.js';
export { lazyHostvars } from './hostvars.js';
export { roleDefaults, roleVars, roleChain } from './role-vars.js';
