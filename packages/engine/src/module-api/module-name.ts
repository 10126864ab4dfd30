import type { Module, ModuleRegistry } from './module.js';

/** Collections whose modules tsible ships under their short names. */
const BUILTIN_PREFIXES = ['ansible.builtin.', 'ansible.legacy.'];

/** `ansible.builtin.command` and `ansible.legacy.command` are `command`. */
export function shortModuleName(name: string): string {
  for (const prefix of BUILTIN_PREFIXES) if (name.startsWith(prefix)) return name.slice(prefix.length);
  return name;
}

export function resolveModule(registry: ModuleRegistry, name: string): Module | undefined {
  return registry.get(shortModuleName(name));
}
