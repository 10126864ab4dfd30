import { RecordingSink } from '../../output/events.js';
import { Templar } from '../templar.js';
import { BUILTIN_LOOKUPS } from './index.js';
import { generateSequence, parseSequence } from './sequence.js';
import { passwordCharacters } from './files.js';

const sink = new RecordingSink();
const t = new Templar({ vars: { users: [{ name: 'a', keys: ['k1', 'k2'] }, { name: 'b', keys: [] }], x: '{{ 1 + 1 }}' }, sink });
const r = (s: string): unknown => t.renderString(s);

describe('lookups', () => {
  it('registry covers every with_* loop tsible knows', () => {
    expect(Object.keys(BUILTIN_LOOKUPS).sort()).toEqual(
      ['dict', 'env', 'file', 'fileglob', 'first_found', 'indexed_items', 'items', 'lines', 'list', 'nested', 'password', 'pipe', 'sequence', 'subelements', 'template', 'together', 'vars'].sort(),
    );
  });

  it('lookup joins strings with commas, query always returns a list', () => {
    expect(r("{{ lookup('items', ['a', 'b']) }}")).toBe('a,b');
    expect(r("{{ lookup('items', ['a', 'b'], wantlist=True) }}")).toEqual(['a', 'b']);
    expect(r("{{ query('items', 'a') }} {{ q('list', [1, 2]) }}")).toBe("['a'] [[1, 2]]");
    expect(r("{{ lookup('items', [1]) + 1 }}")).toBe('2');
  });

  it('sequence: shortcut and key=value forms', () => {
    expect(generateSequence(parseSequence('start=0 end=10 stride=5', {}))).toEqual(['0', '5', '10']);
    expect(generateSequence(parseSequence('0x0a-0x0c', {}))).toEqual(['10', '11', '12']);
    expect(generateSequence(parseSequence('count=3 format=n%02x', {}))).toEqual(['n01', 'n02', 'n03']);
    expect(generateSequence(parseSequence('start=5 end=1 stride=-2', {}))).toEqual(['5', '3', '1']);
    expect(() => parseSequence('start=1', {})).toThrow('must specify count or end in with_sequence');
    expect(() => generateSequence(parseSequence('start=5 end=1', {}))).toThrow('to count backwards make stride negative');
  });

  it('subelements, nested, together, dict, indexed_items', () => {
    expect(r("{{ query('subelements', users, 'keys') }}")).toEqual([[{ name: 'a' }, 'k1'], [{ name: 'a' }, 'k2']]);
    expect(() => r("{{ query('subelements', users, 'nope') }}")).toThrow("could not find 'nope' key in iterated item");
    expect(r("{{ query('subelements', users, 'nope', {'skip_missing': True}) }}")).toEqual([]);
    expect(r("{{ query('nested', ['a', 'b'], [1]) }}")).toEqual([['a', 1], ['b', 1]]);
    expect(r("{{ query('together', ['a', 'b'], [1]) }}")).toEqual([['a', 1], ['b', null]]);
    expect(r("{{ query('dict', {'k': 'v'}) }}")).toEqual([{ key: 'k', value: 'v' }]);
    expect(r("{{ query('indexed_items', ['a']) }}")).toEqual([[0, 'a']]);
  });

  it('vars templates the variable; env and pipe read the controller', () => {
    expect(r("{{ lookup('vars', 'x') }}")).toBe('2');
    expect(r("{{ lookup('vars', 'nope', default='d') }}")).toBe('d');
    process.env['TSIBLE_LOOKUP_TEST'] = 'v1';
    expect(r("{{ lookup('env', 'TSIBLE_LOOKUP_TEST') }} [{{ lookup('env', 'TSIBLE_NOT_SET_ANYWHERE') }}]")).toBe('v1 []');
    expect(r("{{ lookup('pipe', 'echo hi') }} {{ query('lines', 'printf \"a\\nb\\n\"') }}")).toBe("hi ['a', 'b']");
    expect(() => r("{{ lookup('pipe', 'exit 3') }}")).toThrow('returned 3');
  });

  it('errors=ignore|warn and unknown lookups', () => {
    expect(r("{{ lookup('file', 'missing-file', errors='ignore') }}")).toBe('');
    expect(r("{{ query('file', 'missing-file', errors='ignore') }}")).toEqual([]);
    r("{{ lookup('file', 'missing-file', errors='warn') }}");
    expect(sink.messages('warning').some((m) => m.includes("lookup plugin 'file'"))).toBe(true);
    expect(() => r("{{ lookup('nope') }}")).toThrow('lookup plugin (nope) not found');
  });
});

describe('password characters', () => {
  it('follows Ansible: defaults include .,:-_ and ",," is a literal comma', () => {
    expect(passwordCharacters(undefined)).toBe('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,:-_');
    expect(passwordCharacters('digits,,')).toBe(',0123456789');
    expect(passwordCharacters('hexdigits,xyz')).toBe('0123456789abcdefABCDEFxyz');
  });
});
