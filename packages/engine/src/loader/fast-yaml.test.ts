import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { encodeLoaded } from '../../../../test/support/python-values.js';
import { yamlLines, yamlish } from '../../../../test/support/yaml-arbitraries.js';
import { fastParseYaml } from './fast-yaml.js';
import { locationOf, parseYaml, parseYamlFully } from './yaml.js';

/** The fast path either declines or gives exactly what the full loader gives (values and key order). */
function agrees(text: string): boolean {
  if (/\r(?!\n)|\x85/.test(text)) return false; // parseYaml turns these into line feeds first
  const fast = fastParseYaml(text, () => null);
  if (!fast.ok) return false;
  let full: unknown;
  try {
    full = parseYamlFully(text, 'same.yml');
  } catch (err) {
    throw new Error(`fast path accepted what the full loader rejects: ${JSON.stringify(text)} (${String(err)})`);
  }
  expect(encodeLoaded(fast.value)).toEqual(encodeLoaded(full));
  return true;
}

const corpus = (JSON.parse(readFileSync(new URL('../../../../test/fixtures/yaml/pyyaml-recordings.json', import.meta.url), 'utf8')) as { cases: Array<{ yaml: string }> }).cases;

describe('fast YAML path', () => {
  it('agrees with the full loader on the recorded corpus, and handles most of it', () => {
    const handled = corpus.filter((c) => agrees(c.yaml)).length;
    expect(handled).toBeGreaterThan(corpus.length / 2);
  });

  it('agrees with the full loader on random YAML structures and token soup', () => {
    fc.assert(fc.property(yamlLines, (t) => void agrees(t)), { numRuns: 1500 });
    fc.assert(fc.property(yamlish, (t) => void agrees(t)), { numRuns: 1000 });
  });

  it('declines tags, anchors, merges, duplicates and tabs', () => {
    for (const text of ['a: !!str 1', 'a: &x 1\nb: *x', 'm:\n  <<: {a: 1}', 'a: 1\na: 2', 'a:\tb', '? k\n: v', '%YAML 1.1\n---\na: 1', 'a: 1\n---\nb: 2']) {
      expect([text, fastParseYaml(text, () => null).ok]).toEqual([text, false]);
    }
  });

  it('turns non-string keys into Python text and gives positions on demand', () => {
    const doc = parseYaml('hosts:\n  web1:\n    port: 22\n  yes: 1\n  1.0: f\n  1e3: s\n  ~: n\n', 'inv.yml') as { hosts: Record<string, unknown> };
    expect(Object.keys(doc.hosts)).toEqual(['web1', 'True', '1.0', '1e3', 'None']);
    expect(locationOf(doc.hosts, 'True')).toEqual({ file: 'inv.yml', line: 4, column: 3 });
    expect(locationOf(doc.hosts['web1'] as object, 'port')).toEqual({ file: 'inv.yml', line: 3, column: 5 });
  });
});
