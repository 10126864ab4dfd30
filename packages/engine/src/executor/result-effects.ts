import type { ModuleResult } from '../module-api/module.js';
import { isMapping } from '../playbook/errors.js';
import type { Task } from '../playbook/model.js';
import type { RunContext } from './run-context.js';

/**
 * What a result changes beyond the host: set_fact and register-like values,
 * include_vars, gathered facts, set_stats. Loop items apply in order.
 */
export function applyResultEffects(run: RunContext, task: Task, host: string, result: ModuleResult): void {
  const items = Array.isArray(result['results']) ? (result['results'] as ModuleResult[]) : [result];
  for (const item of items) {
    if (item.failed === true || item.skipped === true) continue;
    const delegated = item['_ansible_facts_host'] ?? result['_ansible_facts_host'];
    const factsHost = typeof delegated === 'string' ? delegated : host;
    const facts = item['ansible_facts'];
    if (isMapping(facts)) {
      if (task.resolvedAction === 'set_fact') {
        run.store.setHostFacts(factsHost, facts);
        if (item['_ansible_facts_cacheable'] === true) run.store.addFacts(factsHost, facts);
      } else if (task.resolvedAction === 'include_vars') {
        run.store.addIncludedVars(factsHost, facts);
      } else {
        // Modules report facts as ansible_<name>; ansible_facts holds them by their bare names (ansible_local keeps its own, as in Ansible).
        run.store.addFacts(factsHost, Object.fromEntries(Object.entries(facts).map(([k, v]) => [k.startsWith('ansible_') && k !== 'ansible_local' ? k.slice('ansible_'.length) : k, v])));
      }
    }
    const stats = item['ansible_stats'];
    if (isMapping(stats) && isMapping(stats['data'])) mergeStats(run.customStats, host, stats['data'], stats['per_host'] === true, stats['aggregate'] !== false);
  }
}

function mergeStats(custom: Record<string, unknown>, host: string, data: Record<string, unknown>, perHost: boolean, aggregate: boolean): void {
  const key = perHost ? host : '_run';
  const target = isMapping(custom[key]) ? (custom[key] as Record<string, unknown>) : {};
  for (const [name, value] of Object.entries(data)) {
    const old = target[name];
    if (!aggregate || old === undefined) target[name] = value;
    else if (typeof old === 'number' && typeof value === 'number') target[name] = old + value;
    else if (Array.isArray(old) && Array.isArray(value)) target[name] = [...old, ...value];
    else if (isMapping(old) && isMapping(value)) target[name] = { ...old, ...value };
    else target[name] = value;
  }
  custom[key] = target;
}
