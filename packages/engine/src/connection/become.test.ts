import { spawnSync } from 'node:child_process';
import { wrapWithBecome } from './become.js';
import { buildCommandLine } from './run/command-line.js';
import { GROUPED_SCRIPT_LINE, loaderLine } from './run/script-framing.js';

const text = (line: string | Buffer): string => line.toString();

describe('wrapWithBecome', () => {
  it('uses sudo -H -S -n without a password, with a success marker', () => {
    const plan = wrapWithBecome('id -u', { method: 'sudo', user: 'root' }, 'tok');
    expect(text(plan.line)).toBe(`sudo -H -S -n -u root sh -c 'echo BECOME-SUCCESS-tok; id -u'`);
    expect(plan).toMatchObject({ needsPty: false, promptStream: 'stderr', successMarker: 'BECOME-SUCCESS-tok' });
  });

  it('never puts the password in the command; it drops -n and adds a unique prompt', () => {
    const password = `pa$$ 'w0rd"`;
    const plan = wrapWithBecome('id -u', { method: 'sudo', user: 'app', password }, 'k1');
    expect(text(plan.line)).not.toContain('w0rd');
    expect(text(plan.line)).toBe(`sudo -H -S -p '[sudo via tsible, key=k1] password:' -u app sh -c 'echo BECOME-SUCCESS-k1; id -u'`);
    expect(plan.prompt.test('[sudo via tsible, key=k1] password:')).toBe(true);
    expect(plan.password).toBe(password);
  });

  it('honours become_flags, re-quoting each flag word', () => {
    const plan = wrapWithBecome('true', { method: 'sudo', user: 'root', flags: '-E -Hn --preserve-env="A B"', password: 'x' }, 't');
    expect(text(plan.line)).toContain(`sudo -E -H '--preserve-env=A B' -p`);
  });

  it('runs su on a pty with the command quoted once more for su -c', () => {
    const plan = wrapWithBecome(`printf '%s' "a b"`, { method: 'su', user: 'postgres' }, 't');
    expect(plan.needsPty).toBe(true);
    expect(plan.prompt.test('Password: ')).toBe(true);
    expect(text(plan.line)).toMatch(/^su postgres -c '/);
  });

  it('produces lines sh parses back into the original command', () => {
    const command = `printf '%s|' 'it'\\''s' "$HOME" \`x\``;
    const plan = wrapWithBecome(command, { method: 'sudo', user: 'root' }, 't');
    // Replace sudo by a printer of its argv to see what would run.
    const shown = spawnSync('/bin/sh', ['-c', `sudo() { shift 5; printf '%s\\n' "$@"; }; ${text(plan.line)}`], { encoding: 'utf8' });
    expect(shown.stdout).toBe(`sh\n-c\necho BECOME-SUCCESS-t; ${command}\n`);
  });
});

describe('buildCommandLine', () => {
  /** The script as the host's sh receives it: grouped for `sh -s`, or framed for the loader. */
  const scriptOn = (stdin: Buffer): string => {
    const text = stdin.toString('latin1');
    if (text.startsWith('{\n')) return text.slice(2, -'\n} </dev/null\n'.length);
    const header = text.slice(0, text.indexOf('\n'));
    const [length, token] = header.split(' ');
    const body = text.slice(header.length + 1, header.length + 1 + Number(length));
    return body.slice(0, -`\n#${token}\n`.length);
  };

  it('starts fixed text for every request: values travel on stdin, not in argv', () => {
    const secret = 'pa$$word-in-a-path';
    const requests = [{ argv: ['ls', secret] }, { script: `echo ${secret}`, cwd: `/tmp/${secret}`, env: { A: secret } }, { script: 'cat', stdin: secret }];
    const lines = requests.map((request) => buildCommandLine(request).line);
    expect(lines).toEqual([GROUPED_SCRIPT_LINE, GROUPED_SCRIPT_LINE, loaderLine(false)]);
    expect(buildCommandLine({ script: 'cat', stdin: secret }, { terminal: true }).line).toBe(loaderLine(true));
    expect(lines.filter((line) => line.includes(secret))).toEqual([]);
  });

  it('quotes argv and prefixes cwd and env in the script the host runs', () => {
    expect(scriptOn(buildCommandLine({ argv: ['ls', '-l', 'a b'] }).stdin)).toBe(`ls -l 'a b'`);
    const command = buildCommandLine({ argv: ['env'], cwd: '/tmp/x y', env: { A: "it's" } });
    expect(command.script).toBe(`cd '/tmp/x y' || exit 1\nexport A='it'\\''s'\nenv`);
    expect(scriptOn(command.stdin)).toBe(command.script);
  });

  it('frames a script of any size together with the request stdin, which follows it byte-exact', () => {
    const big = `echo ${'x'.repeat(200_000)}`;
    const payload = Buffer.from([0, 10, 255, 4]);
    const command = buildCommandLine({ script: big, stdin: payload });
    expect(scriptOn(command.stdin) === big).toBe(true);
    expect(command.stdin.subarray(-payload.length).equals(payload)).toBe(true);
  });

  it('rejects requests that are not exactly one of argv or script, and bad env names', () => {
    expect(() => buildCommandLine({})).toThrow(/exactly one of argv or script/);
    expect(() => buildCommandLine({ argv: ['a'], script: 'b' })).toThrow(/exactly one/);
    expect(() => buildCommandLine({ argv: [] })).toThrow(/argv is empty/);
    expect(() => buildCommandLine({ argv: ['x'], env: { 'A;rm': '1' } })).toThrow(/invalid environment variable name/);
  });
});
