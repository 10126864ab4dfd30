import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PyFloat } from '../packages/engine/src/template/python/float.js';
import { pythonJsonDumps } from '../packages/engine/src/template/python/json-dumps.js';
import { pythonYamlDump } from '../packages/engine/src/template/python/yaml-dump.js';

// Recorded from PyYAML with Ansible's dumper and from json.dumps by test/fixtures/template/record_dumps.py.
interface Entry {
  value: unknown;
  yaml: Record<'to_yaml' | 'to_nice_yaml' | 'to_nice_yaml_2', string>;
  json: Record<'to_json' | 'to_nice_json' | 'ensure_ascii_false', string>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const entries = JSON.parse(readFileSync(path.join(here, 'fixtures/template/dumps.json'), 'utf8'), (_k, v: unknown) => {
  if (typeof v === 'object' && v !== null && '__float__' in v) {
    const f = (v as { __float__: number }).__float__;
    return Number.isInteger(f) ? new PyFloat(f) : f;
  }
  return v;
}) as Entry[];

describe('YAML and JSON dumps match Python byte for byte', () => {
  it.each(entries.map((e, i) => [i, e] as const))('value %i', (_i, e) => {
    expect(pythonYamlDump(e.value, { indent: 2, defaultFlowStyle: null })).toBe(e.yaml.to_yaml);
    expect(pythonYamlDump(e.value, { indent: 4, defaultFlowStyle: false })).toBe(e.yaml.to_nice_yaml);
    expect(pythonYamlDump(e.value, { indent: 2, defaultFlowStyle: false })).toBe(e.yaml.to_nice_yaml_2);
    expect(pythonJsonDumps(e.value)).toBe(e.json.to_json);
    expect(pythonJsonDumps(e.value, { indent: 4, sortKeys: true, separators: [',', ': '] })).toBe(e.json.to_nice_json);
    expect(pythonJsonDumps(e.value, { ensureAscii: false })).toBe(e.json.ensure_ascii_false);
  });
});
