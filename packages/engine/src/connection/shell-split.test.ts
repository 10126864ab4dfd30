import fc from 'fast-check';
import { shellJoin } from './quote.js';
import { shellSplit } from './shell-split.js';
import { parseSshArgs } from './options/ssh-args.js';

describe('shellSplit', () => {
  it('splits like Python shlex.split: quotes, escapes, empty words, no comments', () => {
    expect(shellSplit(`a "b\\$c" x#y`)).toEqual(['a', 'b\\$c', 'x#y']);
    expect(shellSplit(`-o 'ProxyCommand=ssh -W %h:%p gw' -o"User=a b" x\\ y "" '' "a\\"b\\\\c"`)).toEqual([
      '-o',
      'ProxyCommand=ssh -W %h:%p gw',
      '-oUser=a b',
      'x y',
      '',
      '',
      'a"b\\c',
    ]);
    expect(shellSplit('  ')).toEqual([]);
  });

  it('inverts shellJoin for any text words', () => {
    const word = fc.string({ maxLength: 12 }).filter((s) => !s.includes('\0'));
    fc.assert(fc.property(fc.array(word, { maxLength: 5 }), (words) => expect(shellSplit(shellJoin(words))).toEqual(words)));
  });

  it('reports an unterminated quote', () => {
    expect(() => shellSplit(`-o 'oops`)).toThrow(/unterminated single quote/);
  });
});

describe('parseSshArgs', () => {
  it('reads -o in both spellings, -J, -i, -p, -l, -F and keeps the first value of an option', () => {
    const args = parseSshArgs('-C -o ControlMaster=auto -oPort=2200 -o "User bob" -J gw -i ~/k1', '-o port=9 -i /k2 -p 7 -l alice -F /cfg -W x:1');
    expect(args.options).toEqual({ controlmaster: 'auto', port: '2200', user: 'bob', proxyjump: 'gw' });
    expect(args.identityFiles).toEqual(['~/k1', '/k2']);
    expect(args).toMatchObject({ port: '7', user: 'alice', configFile: '/cfg' });
    expect(args.ignored).toEqual(['-C', '-W x:1']);
  });
});
