import { RecordingSink } from '../../output/events.js';
import { Templar } from '../templar.js';

const users = [
  { name: 'bob', uid: 3, groups: ['wheel'], active: true },
  { name: 'Al', uid: 1, groups: [], active: false },
  { name: 'cy', uid: 2, groups: ['adm', 'wheel'], active: true },
];
const t = new Templar({ vars: { users }, sink: new RecordingSink() });
const r = (s: string): unknown => t.renderString(s);

describe('list filters', () => {
  it('sort, min, max with attribute and case folding', () => {
    expect(r("{{ users | sort(attribute='name') | map(attribute='name') | list }}")).toEqual(['Al', 'bob', 'cy']);
    expect(r("{{ users | sort(attribute='uid', reverse=true) | map(attribute='uid') | list }}")).toEqual([3, 2, 1]);
    expect(r("{{ ['b', 'A', 'C'] | sort(case_sensitive=true) }}")).toEqual(['A', 'C', 'b']);
    expect(r("{{ (users | min(attribute='uid')).name }} {{ (users | max(attribute='uid')).name }}")).toBe('Al bob');
  });

  it('select/reject/selectattr/rejectattr/map', () => {
    expect(r("{{ users | selectattr('active') | map(attribute='name') | list }}")).toEqual(['bob', 'cy']);
    expect(r("{{ users | rejectattr('uid', 'gt', 1) | map(attribute='name') | list }}")).toEqual(['Al']);
    expect(r("{{ users | selectattr('groups', 'contains', 'adm') | map(attribute='name') | list }}")).toEqual(['cy']);
    expect(r("{{ [1, 2, 3] | select('odd') | list }} {{ ['1', '2'] | map('int') | sum }}")).toBe('[1, 3] 3');
    expect(r("{{ users | map(attribute='groups.0', default='none') | list }}")).toEqual(['wheel', 'none', 'adm']);
  });

  it('set operations keep first-seen order', () => {
    expect(r('{{ [3, 1, 3, 2] | unique }} {{ [1, 2] | union([2, 3]) }} {{ [1, 2, 3] | intersect([3, 1]) }}')).toBe('[3, 1, 2] [1, 2, 3] [1, 3]');
    expect(r('{{ [1, 2, 3] | difference([2]) }} {{ [1, 2] | symmetric_difference([2, 3]) }}')).toBe('[1, 3] [1, 3]');
  });

  it('flatten, zip, product, batch, slice, groupby', () => {
    expect(r('{{ [1, [2, [3, [4]]], none] | flatten }}')).toEqual([1, 2, 3, 4]);
    expect(r('{{ [1, [2, [3]]] | flatten(1) }}')).toEqual([1, 2, [3]]);
    expect(r("{{ [1, 2] | zip(['a']) | list }}")).toEqual([[1, 'a']]);
    expect(r("{{ [1, 2] | zip(['a']) | list }} x")).toBe("[(1, 'a')] x");
    expect(r("{{ [1] | product(['a', 'b']) | list }}")).toEqual([[1, 'a'], [1, 'b']]);
    expect(r("{{ [1, 2, 3] | batch(2, 'x') | list }}")).toEqual([[1, 2], [3, 'x']]);
    expect(r('{{ [1, 2, 3, 4, 5] | slice(3) | list }}')).toEqual([[1, 2], [3, 4], [5]]);
    expect(r("{% for g in users | groupby('active') %}{{ g[0] }}:{{ g[1] | length }} {% endfor %}")).toBe('False:1 True:2 ');
  });

  it('first, last, length, sum, reverse', () => {
    expect(r("{{ users | first | attr('name') }} {{ (users | last).name }} {{ users | length }}")).toBe('bob cy 3');
    expect(r("{{ users | sum(attribute='uid') }} {{ [[1], [2]] | sum(start=[]) }} {{ 'abc' | reverse }}")).toBe('6 [1, 2] cba');
    expect(() => r('{{ [] | first }}')).toThrow('No first item, sequence was empty.');
  });
});
