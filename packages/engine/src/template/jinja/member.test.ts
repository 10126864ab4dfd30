import { getAttr, getItem, sliceOf } from './member.js';
import { Undefined } from './undefined.js';
import { JinjaCallable } from './callable.js';

describe('member access (Jinja getattr/getitem order)', () => {
  it('attribute access prefers Python methods, item access prefers keys', () => {
    const d = { items: 'key value', a: 1 };
    expect(getAttr(d, 'items')).toBeInstanceOf(JinjaCallable);
    expect(getItem(d, 'items')).toBe('key value');
    expect(getAttr(d, 'a')).toBe(1);
  });

  it('indexes lists and strings, negative from the end', () => {
    expect(getItem([1, 2, 3], -1)).toBe(3);
    expect(getItem('abc', 1)).toBe('b');
    expect(getItem([1], true)).toBeInstanceOf(Undefined);
  });

  it('missing members are Undefined with Jinja messages; undefined chains stay undefined', () => {
    expect((getAttr({ a: 1 }, 'b') as Undefined).message).toBe("'dict object' has no attribute 'b'");
    expect((getItem([1], 5) as Undefined).message).toBe('list object has no element 5');
    expect((getAttr(null, 'x') as Undefined).message).toBe("'None' has no attribute 'x'");
    const u = new Undefined("'x' is undefined", 'x');
    expect(getAttr(getAttr(u, 'a'), 'b')).toBe(u);
  });

  it('never exposes JavaScript internals', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(getAttr({}, name)).toBeInstanceOf(Undefined);
      expect(getAttr('s', name)).toBeInstanceOf(Undefined);
      expect(getAttr([], name)).toBeInstanceOf(Undefined);
    }
  });

  it('slices like Python', () => {
    expect(sliceOf([0, 1, 2, 3, 4], 1, null, null)).toEqual([1, 2, 3, 4]);
    expect(sliceOf([0, 1, 2, 3, 4], null, -2, null)).toEqual([0, 1, 2]);
    expect(sliceOf([0, 1, 2, 3, 4], null, null, 2)).toEqual([0, 2, 4]);
    expect(sliceOf([0, 1, 2, 3, 4], null, null, -2)).toEqual([4, 2, 0]);
    expect(sliceOf('hello', 10, null, null)).toBe('');
    expect(() => sliceOf([1], null, null, 0)).toThrow('slice step cannot be zero');
  });
});
