import { RecordingSink } from '../../output/events.js';
import { Templar } from '../templar.js';

const hostvars = { web1: { ansible_host: '10.0.0.1' }, web2: { ansible_host: '10.0.0.2' } };
const t = new Templar({ vars: { hostvars, groups: { web: ['web1', 'web2'] } }, sink: new RecordingSink() });
const r = (s: string): unknown => t.renderString(s);

describe('structure filters', () => {
  it('extract pulls values out of containers (the hostvars idiom)', () => {
    expect(r("{{ groups['web'] | map('extract', hostvars, 'ansible_host') | list }}")).toEqual(['10.0.0.1', '10.0.0.2']);
    expect(r("{{ [1] | map('extract', ['a', 'b']) | list }}")).toEqual(['b']);
    expect(r("{{ 'web1' | extract(hostvars, ['ansible_host']) }}")).toBe('10.0.0.1');
  });

  it('subelements keeps the whole element; rekey_on_member re-indexes', () => {
    expect(r("{{ [{'n': 'a', 'l': [1]}] | subelements('l') }}")).toEqual([[{ n: 'a', l: [1] }, 1]]);
    expect(() => r("{{ [{'n': 'a'}] | subelements('l') }}")).toThrow("could not find 'l' key in iterated item {'n': 'a'}");
    expect(r("{{ [{'id': 'x'}] | rekey_on_member('id') }}")).toEqual({ x: { id: 'x' } });
    expect(() => r("{{ [{'id': 'x'}, {'id': 'x'}] | rekey_on_member('id') }}")).toThrow('Key x is not unique');
  });

  it('combinations and permutations print as tuples', () => {
    expect(r('{{ [1, 2, 3] | combinations(2) | list }} .')).toBe('[(1, 2), (1, 3), (2, 3)] .');
    expect(r('{{ [1, 2] | permutations | list }} .')).toBe('[(1, 2), (2, 1)] .');
  });
});

describe('markup and text helpers', () => {
  it('escape, urlencode, urldecode, tojson, xmlattr, striptags', () => {
    expect(r("{{ '<a & \"b\">' | e }}")).toBe('&lt;a &amp; &#34;b&#34;&gt;');
    expect(r("{{ 'a b&c' | urlencode }} {{ {'q': 'a b'} | urlencode }} {{ 'a%2Fb' | urldecode }}")).toBe('a%20b%26c q=a+b a/b');
    expect(r("{{ {'b': '<'} | tojson }} x")).toBe('{"b": "\\u003c"} x');
    expect(r("<a{{ {'href': 'x', 'skip': none} | xmlattr }}>")).toBe('<a href="x">');
    expect(r("{{ '<p>a  <b>b</b></p>' | striptags }}")).toBe('a b');
  });

  it('comment, wordwrap, filesizeformat, path_join, to_uuid', () => {
    expect(r("{{ 'a' | comment('cblock') }}")).toBe('/*\n *\n * a\n *\n */');
    expect(r("{{ 'aaa bbb ccc' | wordwrap(7) }}")).toBe('aaa bbb\nccc');
    expect(r('{{ 2048 | filesizeformat(true) }} {{ 1 | filesizeformat }}')).toBe('2.0 KiB 1 Byte');
    expect(r("{{ ['a', 'b/', 'c'] | path_join }}")).toBe('a/b/c');
    expect(r("{{ 'host1' | to_uuid }}")).toBe('7590dc85-6b79-5d0a-b4fc-5a7f0e7910a6');
  });

  it('unsupported filters say so plainly', () => {
    expect(() => r("{{ '10.0.0.1' | ansible.utils.ipaddr }}")).toThrow('the ansible.utils network filters (ipaddr family) are not supported by tsible');
    expect(() => r("{{ x | json_query('a') }}")).toThrow('json_query');
    expect(() => r('{{ 1 | no_such_filter }}')).toThrow('Could not load "no_such_filter"');
  });
});
