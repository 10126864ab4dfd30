import fc from 'fast-check';
import { TsibleError } from '../errors/tsible-error.js';
import { yamlish, yamlLines } from '../../../../test/support/yaml-arbitraries.js';
import { parseJsonOrYaml, parseYaml } from './yaml.js';

/** Parsing must end in a value or a TsibleError, never anything else. */
function parsesOrFailsCleanly(text: string, parse: (t: string, f: string) => unknown = parseYaml): void {
  try {
    parse(text, 'fuzz.yml');
  } catch (err) {
    if (!(err instanceof TsibleError)) throw err;
    expect(err.location?.file).toBe('fuzz.yml');
  }
}

describe('YAML loader under random input', () => {
  it('never crashes on random text (only TsibleError)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (t) => parsesOrFailsCleanly(t)), { numRuns: 400 });
  });

  it('never crashes on YAML-ish token soup', () => {
    fc.assert(fc.property(yamlish, (t) => parsesOrFailsCleanly(t)), { numRuns: 800 });
  });

  it('never crashes on random indented YAML structures, as YAML or JSON-then-YAML', () => {
    fc.assert(
      fc.property(yamlLines, (t) => {
        parsesOrFailsCleanly(t);
        parsesOrFailsCleanly(t, parseJsonOrYaml);
      }),
      { numRuns: 800 },
    );
  });

  it('reads back any JSON document of strings, integers, booleans and nulls through YAML and JSON', () => {
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.string({ maxLength: 10 }),
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 6 }), tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(value, fc.boolean(), (v, pretty) => {
        const json = pretty ? JSON.stringify(v, null, 2) : JSON.stringify(v);
        expect(parseYaml(json, 'j.yml')).toEqual(v);
        expect(parseJsonOrYaml(json, 'j.json')).toEqual(v);
      }),
      { numRuns: 400 },
    );
  });

  it('refuses absurd nesting with a clean error, in YAML and JSON', () => {
    for (const text of ['['.repeat(5000), '- '.repeat(5000) + 'x', '{"a":'.repeat(5000) + '1' + '}'.repeat(5000)]) {
      expect(() => parseJsonOrYaml(text, 'deep.yml')).toThrow(TsibleError);
      expect(() => parseYaml(text, 'deep.yml')).toThrow(/nesting is too deep/);
    }
    // Ordinary depth still loads.
    expect(parseYaml('['.repeat(200) + ']'.repeat(200), 'ok.yml')).toBeDefined();
  });

  it('stays roughly linear in input size', () => {
    const block = (i: number): string => `host${i}:\n  ansible_host: 10.0.0.${i % 250}\n  tags: [a, 'b', "c"]\n  port: 0x16\n`;
    const text = (n: number): string => Array.from({ length: n }, (_, i) => block(i)).join('');
    const time = (n: number): number => {
      const t = text(n);
      const start = performance.now();
      parseYaml(t, 'big.yml');
      return performance.now() - start;
    };
    time(500); // warm up
    const small = Math.min(time(1000), time(1000));
    const large = Math.min(time(8000), time(8000));
    // 8x the input may cost at most ~3x its share (GC and a loaded machine add noise).
    expect(large).toBeLessThan(small * 24 + 50);
  });

  it('does not explode on alias-heavy documents (shared, not copied)', () => {
    const lines = ['a0: &a0 [x, y]'];
    for (let i = 1; i < 30; i++) lines.push(`a${i}: &a${i} [*a${i - 1}, *a${i - 1}]`);
    const start = performance.now();
    const doc = parseYaml(lines.join('\n'), 'laughs.yml') as Record<string, unknown[]>;
    expect(performance.now() - start).toBeLessThan(2000);
    expect(doc['a29']?.[0]).toBe(doc['a28']);
  });
});
