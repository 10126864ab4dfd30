import type { Module, ModuleRegistry } from './module.js';
import { shortActionName } from '../playbook/args/action-names.js';

/** `ansible.builtin.command`, `ansible.legacy.command` and `command` are the same module. */
export function resolveModule(registry: ModuleRegistry, name: string): Module | undefined {
  return registry.get(shortActionName(name));
}
