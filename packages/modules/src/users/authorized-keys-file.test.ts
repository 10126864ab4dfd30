import { enforceKeys, parseOptions } from './authorized-keys-file.js';

const A = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa alice@work';
const B = 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCbbbbbbbbbbbbbbbbbbbbbbbbbbb bob@home';
const present = { state: 'present', keyOptions: null, comment: null, exclusive: false } as const;

describe('authorized_keys editing, as Ansible does it', () => {
  it('adds a key after the existing lines, keeping comments and other keys', () => {
    const before = `# managed by hand\n${B}\n`;
    expect(enforceKeys(before, A, present)).toEqual({ changed: true, content: `# managed by hand\n${B}\n${A}\n` });
    expect(enforceKeys(`${before}${A}\n`, A, present)).toEqual({ changed: false, content: `${before}${A}\n` });
  });

  it('a key without a comment is written with a trailing space', () => {
    expect(enforceKeys('', 'ssh-rsa AAAAkey', present).content).toBe('ssh-rsa AAAAkey \n');
  });

  it('new options or comment replace the line, which moves to the end', () => {
    const out = enforceKeys(`${A}\n${B}\n`, A, { ...present, keyOptions: 'no-port-forwarding,from="10.0.0.0/8"' });
    expect(out.content).toBe(`${B}\nno-port-forwarding,from="10.0.0.0/8" ${A}\n`);
    expect(enforceKeys(out.content, A, { ...present, keyOptions: 'from="10.0.0.0/8",no-port-forwarding' }).changed).toBe(false);
    expect(enforceKeys(`${A}\n`, A, { ...present, comment: 'renamed' }).content).toBe(A.replace('alice@work', 'renamed\n'));
  });

  it('several keys at once; exclusive removes every other key but keeps nothing else either', () => {
    const out = enforceKeys(`# note\n${B}\n`, `${A}\n# skipped\n`, { ...present, exclusive: true });
    expect(out.content).toBe(`${A}\n`);
  });

  it('absent removes only the named key', () => {
    expect(enforceKeys(`# note\n${A}\n${B}\n`, A, { ...present, state: 'absent' })).toEqual({ changed: true, content: `# note\n${B}\n` });
    expect(enforceKeys(`${B}\n`, A, { ...present, state: 'absent' }).changed).toBe(false);
  });

  it('refuses a line that is not a key', () => {
    expect(() => enforceKeys('', 'not a key', present)).toThrow('invalid key specified: not a key');
  });

  it('splits options on commas outside quotes', () => {
    expect(parseOptions('command="a,b",no-pty,permitopen="h:1",permitopen="h:2"')).toEqual([
      ['command', '"a,b"'],
      ['no-pty', null],
      ['permitopen', '"h:1"'],
      ['permitopen', '"h:2"'],
    ]);
  });
});
