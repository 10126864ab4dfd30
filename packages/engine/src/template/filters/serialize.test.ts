import { RecordingSink } from '../../output/events.js';
import { Templar } from '../templar.js';

const t = new Templar({ vars: { cfg: { b: [1, 2], a: 'x' } }, sink: new RecordingSink() });
const r = (s: string): unknown => t.renderString(s);

describe('serialization filters', () => {
  it('to_json keeps insertion order and Python spacing; to_nice_json sorts and indents', () => {
    expect(r('{{ cfg | to_json }}')).toBe('{"b": [1, 2], "a": "x"}');
    expect(r('{{ cfg | to_nice_json }}')).toBe('{\n    "a": "x",\n    "b": [\n        1,\n        2\n    ]\n}');
    expect(r('{{ cfg | to_json(sort_keys=true) }}')).toBe('{"a": "x", "b": [1, 2]}');
  });

  it('to_yaml / to_nice_yaml are strings, never re-read as data', () => {
    expect(r('{{ cfg | to_yaml }}')).toBe('a: x\nb: [1, 2]\n');
    expect(r('{{ cfg | to_nice_yaml(indent=2) }}')).toBe('a: x\nb:\n- 1\n- 2\n');
    expect(r('{{ [1] | to_json }}')).toBe('[1]');
  });

  it('from_json / from_yaml / from_yaml_all', () => {
    expect(r('{{ \'{"a": [1, null]}\' | from_json }}')).toEqual({ a: [1, null] });
    expect(r("{{ 'a: yes\nb: 0o10' | from_yaml }}")).toEqual({ a: true, b: '0o10' });
    expect(r("{{ 'a: 1\n---\nb: 2' | from_yaml_all }}")).toEqual([{ a: 1 }, { b: 2 }]);
  });
});
