import fc from 'fast-check';
import { shellJoin } from '../connection/quote.js';
import { ShlexError, shlexSplit, splitCommandLine } from './shlex.js';

// Expected values are what Python 3's shlex.split gives for the same input.
describe('shlexSplit', () => {
  it.each<[string, string[]]>([
    ['vi', ['vi']],
    ['  code --wait ', ['code', '--wait']],
    [`emacs -nw "my file" 'a b' c\\ d`, ['emacs', '-nw', 'my file', 'a b', 'c d']],
    [`sh -c "echo \\"hi\\""`, ['sh', '-c', 'echo "hi"']],
    [`''`, ['']],
    [`a "b\\$c" x#y`, ['a', 'b\\$c', 'x#y']],
    ['a\\\nb', ['a\nb']],
    [`'a'b`, ['ab']],
  ])('%j', (input, expected) => {
    expect(shlexSplit(input)).toEqual(expected);
  });

  it('treats # as a comment only when asked, ending the line even mid-word', () => {
    expect(shlexSplit('a#b c', { comments: true })).toEqual(['a']);
    expect(shlexSplit('web1 x="a # b" # tail', { comments: true })).toEqual(['web1', 'x=a # b']);
  });

  it("raises Python's errors", () => {
    expect(() => shlexSplit(`vim "x`)).toThrow(new ShlexError('No closing quotation'));
    expect(() => shlexSplit(`-o 'oops`)).toThrow('No closing quotation');
    expect(() => shlexSplit('a\\')).toThrow('No escaped character');
  });

  it('inverts shellJoin for any text words', () => {
    const word = fc.string({ maxLength: 12 }).filter((s) => !s.includes('\0'));
    fc.assert(fc.property(fc.array(word, { maxLength: 5 }), (words) => expect(shlexSplit(shellJoin(words))).toEqual(words)));
  });
});

describe('splitCommandLine', () => {
  it('gives argv, or undefined for an unbalanced quote', () => {
    expect(splitCommandLine('code --wait')).toEqual(['code', '--wait']);
    expect(splitCommandLine('vim "x')).toBeUndefined();
  });
});
