import { RecordingSink } from '../../output/events.js';
import { Templar } from '../templar.js';
import { shlexQuote } from './text.js';

const t = new Templar({ vars: {}, sink: new RecordingSink() });
const r = (s: string): unknown => t.renderString(s);

describe('text filters', () => {
  it('case, trim, replace, center', () => {
    expect(r("{{ 'aBc' | upper }} {{ 'aBc' | lower }} {{ 'hello world' | capitalize }} {{ 'a-b c' | title }}")).toBe('ABC abc Hello world A-B C');
    expect(r("[{{ '  x  ' | trim }}] {{ 'aaa' | replace('a', 'b', 2) }} [{{ 'ab' | center(6) }}]")).toBe('[x] bba [  ab  ]');
  });

  it('split, join, indent, wordcount, truncate, format', () => {
    expect(r("{{ 'a b' | split }} {{ 'a:b' | split(':') }}")).toBe("['a', 'b'] ['a', 'b']");
    expect(r("{{ [{'n': 'a'}, {'n': 'b'}] | join(',', attribute='n') }}")).toBe('a,b');
    expect(r("{{ 'a\nb\n\nc' | indent(2) }}")).toBe('a\n  b\n\n  c');
    expect(r("{{ 'a\nb' | indent(first=true, width='> ') }}")).toBe('> a\n> b');
    expect(r("{{ 'one two three' | wordcount }} {{ 'hello world again' | truncate(9, leeway=0) }}")).toBe('3 hello...');
    expect(r("{{ '%s=%s' | format('a', 1) }}")).toBe('a=1');
  });

  it('quote is shlex.quote', () => {
    expect(shlexQuote('')).toBe("''");
    expect(shlexQuote('safe-path/x.y')).toBe('safe-path/x.y');
    expect(shlexQuote("it's")).toBe(`'it'"'"'s'`);
    expect(shlexQuote('$HOME; rm')).toBe("'$HOME; rm'");
  });
});
