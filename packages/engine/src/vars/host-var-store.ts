/**
 * What a run learns about each host while it goes: gathered facts (and
 * cacheable set_fact), include_vars results, and the non-persistent
 * set_fact/register values. Kept per host name for the whole run, as
 * Ansible's VariableManager keeps them across plays.
 */
export class HostVarStore {
  private readonly facts = new Map<string, Record<string, unknown>>();
  private readonly includeVars = new Map<string, Record<string, unknown>>();
  private readonly hostFacts = new Map<string, Record<string, unknown>>();

  factsOf(host: string): Record<string, unknown> {
    return this.facts.get(host) ?? {};
  }

  includedVarsOf(host: string): Record<string, unknown> {
    return this.includeVars.get(host) ?? {};
  }

  /** set_fact and register values (Ansible's "non-persistent facts"). */
  hostFactsOf(host: string): Record<string, unknown> {
    return this.hostFacts.get(host) ?? {};
  }

  addFacts(host: string, facts: Record<string, unknown>): void {
    this.facts.set(host, { ...this.factsOf(host), ...facts });
  }

  clearFacts(host: string): void {
    this.facts.delete(host);
    this.hostFacts.delete(host);
  }

  addIncludedVars(host: string, vars: Record<string, unknown>): void {
    this.includeVars.set(host, { ...this.includedVarsOf(host), ...vars });
  }

  setHostFacts(host: string, vars: Record<string, unknown>): void {
    this.hostFacts.set(host, { ...this.hostFactsOf(host), ...vars });
  }
}

/**
 * Facts as plays see them: under `ansible_facts` and, as with
 * inject_facts_as_vars, each one again as a top-level `ansible_<name>`.
 */
export function factsAsVars(facts: Readonly<Record<string, unknown>>): Record<string, unknown> {
  if (Object.keys(facts).length === 0) return {};
  const vars: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(facts)) vars[name.startsWith('ansible_') ? name : `ansible_${name}`] = value;
  vars['ansible_facts'] = facts;
  return vars;
}
