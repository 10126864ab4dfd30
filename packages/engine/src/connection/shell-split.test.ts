import { shellSplit } from './shell-split.js';
import { parseSshArgs } from './options/ssh-args.js';

describe('shellSplit', () => {
  it('reports an unbalanced quote as a bad option', () => {
    expect(() => shellSplit(`-o 'oops`)).toThrow(/No closing quotation in: -o 'oops/);
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
