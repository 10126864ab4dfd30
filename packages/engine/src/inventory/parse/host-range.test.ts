import { expandHostRange, HostRangeError } from './host-range.js';

describe('host ranges expand as in Ansible', () => {
  it.each([
    ['web[01:03]', ['web01', 'web02', 'web03']],
    ['web[8:11]', ['web8', 'web9', 'web10', 'web11']],
    ['db-[a:c]', ['db-a', 'db-b', 'db-c']],
    ['h[A:C]', ['hA', 'hB', 'hC']],
    ['node[0:20:5]', ['node0', 'node5', 'node10', 'node15', 'node20']],
    ['r[1:2]-s[a:b]', ['r1-sa', 'r1-sb', 'r2-sa', 'r2-sb']],
    ['x[:2]', ['x0', 'x1', 'x2']],
    ['x[a:c:2]', ['xa', 'xc']],
    ['x[3:1]', []],
    ['plain', ['plain']],
  ])('%s', (pattern, expected) => {
    expect(expandHostRange(pattern)).toEqual(expected);
  });

  it.each([
    ['x[1:]', 'host range must specify end value'],
    ['x[01:3]', 'host range must specify equal-length begin and end formats'],
    ['x[1]', 'host range must be begin:end or begin:end:step'],
    ['x[1:2:3:4]', 'host range must be begin:end or begin:end:step'],
    ['x[c:a]', 'host range must have begin <= end'],
    ['x[a:9]', "invalid literal for int() with base 10: 'a'"],
    ['x[1:2', 'not enough values to unpack (expected 3, got 2)'],
  ])('%s is an error', (pattern, message) => {
    expect(() => expandHostRange(pattern)).toThrow(new HostRangeError(message));
  });

  it('refuses ranges too large to hold', () => {
    expect(() => expandHostRange('h[0:99999999]')).toThrow(HostRangeError);
  });
});
