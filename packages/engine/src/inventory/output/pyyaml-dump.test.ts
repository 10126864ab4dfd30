import { readFileSync } from 'node:fs';
import { pyyamlDump } from './pyyaml-dump.js';

// Recorded with PyYAML by test/fixtures/inventory-python/record.py.
const recorded = JSON.parse(
  readFileSync(new URL('../../../../../test/fixtures/inventory-python/pyyaml.json', import.meta.url), 'utf8'),
) as Array<{ value: unknown; yaml: string }>;

describe('YAML text identical to PyYAML', () => {
  it.each(recorded.map((r) => [JSON.stringify(r.value).slice(0, 60), r] as const))('%s', (_name, r) => {
    expect(pyyamlDump(r.value)).toBe(r.yaml);
  });

  it('writes an object seen twice once, then refers to it', () => {
    const shared = [1, 2];
    expect(pyyamlDump({ a: shared, b: shared })).toBe('a: &id001\n- 1\n- 2\nb: *id001\n');
  });
});
