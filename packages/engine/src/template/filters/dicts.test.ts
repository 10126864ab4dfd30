import { RecordingSink } from '../../output/events.js';
import { Templar } from '../templar.js';

const t = new Templar({ vars: { base: { a: { x: 1, l: [1, 2] }, b: 1 }, over: { a: { y: 2, l: [2, 3] } } }, sink: new RecordingSink() });
const r = (s: string): unknown => t.renderString(s);

describe('dict filters', () => {
  it('combine: shallow, recursive, list_merge', () => {
    expect(r('{{ base | combine(over) }}')).toEqual({ a: { y: 2, l: [2, 3] }, b: 1 });
    expect(r('{{ base | combine(over, recursive=true) }}')).toEqual({ a: { x: 1, y: 2, l: [2, 3] }, b: 1 });
    expect(r("{{ base | combine(over, recursive=true, list_merge='append') }}")).toEqual({ a: { x: 1, y: 2, l: [1, 2, 2, 3] }, b: 1 });
    expect(r("{{ base | combine(over, recursive=true, list_merge='prepend_rp') }}")).toEqual({ a: { x: 1, y: 2, l: [2, 3, 1] }, b: 1 });
    expect(r("{{ base | combine(over, recursive=true, list_merge='keep') }}")).toEqual({ a: { x: 1, y: 2, l: [1, 2] }, b: 1 });
    expect(() => r("{{ base | combine(over, list_merge='bogus') }}")).toThrow("'bogus' is not a valid list_merge value");
    expect(() => r('{{ base | combine([1]) }}')).toThrow("failed to combine variables, expected dicts but got a 'int'");
  });

  it('dict2items and items2dict with custom names', () => {
    expect(r("{{ {'a': 1} | dict2items(key_name='k', value_name='v') }}")).toEqual([{ k: 'a', v: 1 }]);
    expect(r("{{ [{'k': 'a', 'v': 1}] | items2dict(key_name='k', value_name='v') }}")).toEqual({ a: 1 });
    expect(() => r('{{ [1] | dict2items }}')).toThrow('dict2items requires a dictionary');
  });
});
