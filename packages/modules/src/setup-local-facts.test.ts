import { interpolate, parseLocalFacts } from './setup-local-facts.js';

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const file = (path: string, ...pieces: string[]): string[] => [`F ${b64(path)}`, ...pieces];

describe('local facts', () => {
  it('reads JSON and INI files into ansible_local entries named after the file', () => {
    const lines = [
      ...file('/f/app.fact', `R ${b64('{"port": 80}\n')}`),
      ...file('/f/ini.fact', `R ${b64('[DEFAULT]\nenv = prod\n[main]\nKey = %(env)s ; kept\n')}`),
      ...file('/f/run.fact', `X 0 ${b64('{"ran": true}')}`, `E ${b64('')}`),
    ];
    expect(parseLocalFacts(lines)).toEqual({
      local: { app: { port: 80 }, ini: { main: { env: 'prod', key: 'prod ; kept' } }, run: { ran: true } },
      warnings: [],
    });
  });

  it("gives Ansible's error strings, as values and warnings, for files it cannot use", () => {
    const lines = [
      ...file('/f/bad.fact', `R ${b64('neither\n')}`),
      ...file('/f/fails.fact', `X 3 ${b64('')}`, `E ${b64('oops\n')}`),
      ...file('/f/gone.fact', 'S'),
      ...file('/f/latin.fact', `X 0 ${Buffer.from([0xe9]).toString('base64')}`, `E ${b64('')}`),
    ];
    const { local, warnings } = parseLocalFacts(lines);
    expect(local).toEqual({
      bad: 'error loading facts as JSON or ini - please check content: /f/bad.fact',
      fails: 'Failure executing fact script (/f/fails.fact), rc: 3, err: oops\n',
      gone: "Could not stat fact (/f/gone.fact): [Errno 2] No such file or directory: '/f/gone.fact'",
      latin: 'error loading fact - output of running "/f/latin.fact" was not utf-8',
    });
    expect(warnings).toHaveLength(4);
  });

  it('an empty or unreadable plain file is an empty dict', () => {
    expect(parseLocalFacts(file('/f/empty.fact', 'R ')).local).toEqual({ empty: {} });
  });

  it('a value that cannot be interpolated drops every local fact, as in Ansible', () => {
    expect(parseLocalFacts([...file('/f/ok.fact', `R ${b64('{}')}`), ...file('/f/pct.fact', `R ${b64('[s]\nk = 100%\n')}`)]).local).toBeUndefined();
  });
});

describe('configparser interpolation', () => {
  const options = new Map([['a', 'x'], ['b', '%(a)s-%(a)s'], ['loop', '%(loop)s']]);
  it('substitutes %(name)s recursively and %% as %', () => {
    expect(interpolate('%(b)s 100%%', options, 'o', 's')).toBe('x-x 100%');
  });
  it("fails with Python's messages", () => {
    expect(() => interpolate('50%', options, 'o', 's')).toThrow("'%' must be followed by '%' or '(', found: '%'");
    expect(() => interpolate('%(zz)s', options, 'o', 's')).toThrow("option 'o' in section 's' contains an interpolation key 'zz' which is not a valid option name");
    expect(() => interpolate('%(loop)s', options, 'o', 's')).toThrow('Recursion limit exceeded');
  });
});
