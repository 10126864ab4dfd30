import { formatSpec, percentFormat, strFormat } from './format.js';

describe('Python string formatting', () => {
  it('% formatting', () => {
    expect(percentFormat('%s=%d (%.2f) %5s|%-5s|%05d %x %o %e %%', ['a', 42, 3.14159, 'r', 'l', 7, 255, 8, 12345.678])).toBe(
      'a=42 (3.14)     r|l    |00007 ff 10 1.234568e+04 %',
    );
    expect(percentFormat('%(name)s is %(age)d', { name: 'x', age: 3 })).toBe('x is 3');
    expect(percentFormat('%r', ['a'])).toBe("'a'");
    expect(() => percentFormat('%s %s', ['a'])).toThrow('not enough arguments for format string');
    expect(() => percentFormat('%s', ['a', 'b'])).toThrow('not all arguments converted during string formatting');
  });

  it('str.format fields and specs', () => {
    expect(strFormat('{} {1} {name} {{x}}', ['a', 'b'], { name: 'n' })).toBe('a b n {x}');
    expect(strFormat('{:>5}|{:<4}|{:^7}|{:05.1f}|{:,}', ['a', 'b', 'c', 3.14159, 1234567], {})).toBe('    a|b   |   c   |003.1|1,234,567');
    expect(formatSpec(42, '08b')).toBe('00101010');
    expect(formatSpec(0.25, '.1%')).toBe('25.0%');
  });
});
