import { RecordingSink } from '../../output/events.js';
import { Templar } from '../templar.js';

const t = new Templar({ vars: {}, sink: new RecordingSink() });
const r = (s: string): unknown => t.renderString(s);

describe('regex filters', () => {
  it('regex_replace with Python groups, flags and count', () => {
    expect(r("{{ 'host-01' | regex_replace('^host-(\\d+)$', 'node\\1') }}")).toBe('node01');
    expect(r("{{ 'ab' | regex_replace('(?P<x>a)', '[\\g<x>]') }}")).toBe('[a]b');
    expect(r("{{ 'aAa' | regex_replace('a', '-', ignorecase=true, count=2) }}")).toBe('--a');
    expect(r("{{ 'x' | regex_replace('', '.') }}")).toBe('.x.');
  });

  it('regex_search returns the match, groups, or None', () => {
    expect(r("{{ 'v=1.2.3' | regex_search('\\d+\\.\\d+') }}")).toBe('1.2');
    expect(r("{{ 'k=v' | regex_search('(?P<key>\\w)=(\\w)', '\\g<key>', '\\2') }}")).toEqual(['k', 'v']);
    expect(r("{{ 'abc' | regex_search('z') is none }}")).toBe(true);
    expect(r("{{ 'ABC' | regex_search('b', ignorecase=true) }}")).toBe('B');
  });

  it('regex_findall and regex_escape', () => {
    expect(r("{{ 'a1 b22' | regex_findall('\\d+') }}")).toEqual(['1', '22']);
    expect(r("{{ 'a=1 b=2' | regex_findall('(\\w)=(\\d)') }}")).toEqual([['a', '1'], ['b', '2']]);
    expect(r("{{ '1.2*[x]' | regex_escape }}")).toBe('1\\.2\\*\\[x\\]');
  });

  it('match/search/regex tests', () => {
    expect(r("{{ 'abc' is match('b') }} {{ 'abc' is search('b') }} {{ 'abc' is regex('^a') }} {{ 'ABC' is match('a', ignorecase=true) }}")).toBe('False True True True');
  });
});
