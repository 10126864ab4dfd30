import { pySplit, pythonMethod } from './methods.js';

function call(value: unknown, name: string, kind: 'str' | 'list' | 'dict', ...args: unknown[]): unknown {
  const m = pythonMethod(value, name, kind);
  if (!m) throw new Error(`no method ${name}`);
  return m.fn(args, {});
}

describe('Python method shims', () => {
  it('str.split follows Python', () => {
    expect(pySplit('  a  b ', undefined, undefined)).toEqual(['a', 'b']);
    expect(pySplit('a,,b', ',', undefined)).toEqual(['a', '', 'b']);
    expect(pySplit('a b c', undefined, 1)).toEqual(['a', 'b c']);
    expect(call('a-b-c', 'rsplit', 'str', '-', 1)).toEqual(['a-b', 'c']);
  });

  it('string methods', () => {
    expect(call('xxhixx', 'strip', 'str', 'x')).toBe('hi');
    expect(call('hello world', 'title', 'str')).toBe('Hello World');
    expect(call('aaa', 'replace', 'str', 'a', 'b', 2)).toBe('bba');
    expect(call('-', 'join', 'str', ['a', 'b'])).toBe('a-b');
    expect(call('ab', 'startswith', 'str', ['x', 'a'])).toBe(true);
    expect(call('-5', 'zfill', 'str', 4)).toBe('-005');
    expect(call('a\nb\n', 'splitlines', 'str')).toEqual(['a', 'b']);
    expect(() => call('abc', 'index', 'str', 'z')).toThrow('substring not found');
  });

  it('list and dict methods mutate like Python', () => {
    const l = [3, 1];
    call(l, 'append', 'list', 2);
    call(l, 'sort', 'list');
    expect(l).toEqual([1, 2, 3]);
    expect(call(l, 'pop', 'list')).toBe(3);
    expect(call(l, 'index', 'list', 2)).toBe(1);
    const d: Record<string, unknown> = { a: 1 };
    call(d, 'update', 'dict', { b: 2 });
    expect(d).toEqual({ a: 1, b: 2 });
    expect(call(d, 'get', 'dict', 'z')).toBeNull();
    expect(call(d, 'items', 'dict')).toEqual([['a', 1], ['b', 2]]);
    expect(pythonMethod(d, 'nope', 'dict')).toBeUndefined();
  });
});
