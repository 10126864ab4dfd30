import { resolveModule } from './module-name.js';
import type { Module, ModuleRegistry } from './module.js';

const ping: Module = { name: 'ping', spec: { options: {} }, supportsCheckMode: true, run: async () => ({ ping: 'pong' }) };
const registry: ModuleRegistry = new Map([['ping', ping]]);

describe('resolveModule', () => {
  it('finds a module by its short name and by its FQCNs', () => {
    expect(resolveModule(registry, 'ping')).toBe(ping);
    expect(resolveModule(registry, 'ansible.builtin.ping')).toBe(ping);
    expect(resolveModule(registry, 'ansible.legacy.ping')).toBe(ping);
  });

  it('finds nothing for modules tsible does not ship', () => {
    expect(resolveModule(registry, 'nosuch')).toBeUndefined();
    expect(resolveModule(registry, 'other.collection.ping')).toBeUndefined();
  });
});
