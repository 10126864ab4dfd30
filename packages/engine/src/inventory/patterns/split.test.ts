import { applySubscript, orderPatterns, splitHostPattern, splitSubscript } from './split.js';

describe('host pattern splitting', () => {
  it.each([
    ['a,b[1], c[2:3] , d', ['a', 'b[1]', 'c[2:3]', 'd']],
    ['web:db:&staging:!web1', ['web', 'db', '&staging', '!web1']],
    ['2001:db8::1', ['2001:db8::1']],
    ['web[1:3]', ['web[1:3]']],
    ['host:22', ['host:22']],
    [['a:b', 'c'], ['a', 'b', 'c']],
    ['', []],
  ] as Array<[string | string[], string[]]>)('%j', (input, expected) => {
    expect(splitHostPattern(input)).toEqual(expected);
  });

  it('applies plain patterns, then intersections, then exclusions', () => {
    expect(orderPatterns(['!x', '&y', 'a', 'b'])).toEqual(['a', 'b', '&y', '!x']);
    expect(orderPatterns(['!x'])).toEqual(['all', '!x']);
  });

  it('reads subscripts and slices like Python', () => {
    const items = ['a', 'b', 'c', 'd'];
    const pick = (p: string): string[] => applySubscript(items, splitSubscript(p).subscript);
    expect(pick('g[0]')).toEqual(['a']);
    expect(pick('g[-1]')).toEqual(['d']);
    expect(pick('g[1:2]')).toEqual(['b', 'c']);
    expect(pick('g[2:]')).toEqual(['c', 'd']);
    expect(pick('g')).toEqual(items);
    expect(() => pick('g[9]')).toThrow(RangeError);
    expect(splitSubscript('~web[0]')).toEqual({ expr: '~web[0]', subscript: undefined });
    expect(splitSubscript('g[1-2]').subscript?.dashForm).toBe(true);
  });
});
