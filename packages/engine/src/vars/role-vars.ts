import type { RoleInstance } from '../playbook/model.js';

/** A role's defaults over those of its dependencies (theirs are lower). */
export function roleDefaults(role: RoleInstance): Record<string, unknown> {
  let vars: Record<string, unknown> = {};
  for (const dep of role.dependencies) vars = { ...vars, ...roleDefaults(dep) };
  return { ...vars, ...role.defaults };
}

/** A role's vars/main.yml over those of its dependencies. */
export function roleVars(role: RoleInstance): Record<string, unknown> {
  let vars: Record<string, unknown> = {};
  for (const dep of role.dependencies) vars = { ...vars, ...roleVars(dep) };
  return { ...vars, ...role.vars };
}

/** The roles a task runs in, outermost first (the role that listed it as a dependency comes before it). */
export function roleChain(role: RoleInstance | undefined): RoleInstance[] {
  const chain: RoleInstance[] = [];
  for (let r = role; r; r = r.dependentOf) chain.unshift(r);
  return chain;
}
