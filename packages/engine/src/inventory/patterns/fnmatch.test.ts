import { globToRegExp } from './fnmatch.js';

describe('globs match as Python fnmatch does', () => {
  it.each([
    ['web*', 'web12', true],
    ['web*', 'db1', false],
    ['web?', 'web1', true],
    ['web?', 'web12', false],
    ['*-w0[12]', 'k8s-w02', true],
    ['*-w0[12]', 'k8s-w03', false],
    ['h[!a]', 'hb', true],
    ['h[!a]', 'ha', false],
    ['h[[]x', 'h[x', true],
    ['h[]]x', 'h]x', true],
    ['h[^]x', 'h^x', true],
    ['a.b', 'aXb', false],
    ['h[', 'h[', true],
    ['WEB*', 'web1', false],
  ])('%s ~ %s', (glob, name, expected) => {
    expect(globToRegExp(glob).test(name)).toBe(expected);
  });
});
