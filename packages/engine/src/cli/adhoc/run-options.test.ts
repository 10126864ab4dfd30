import { Command } from 'commander';
import { addRunOptions, type RunOptions } from './run-options.js';
import { configOverrides } from './run-settings.js';

function parse(argv: string[]): RunOptions {
  const command = addRunOptions(new Command('run').argument('<pattern>').exitOverride());
  command.parse(['web', ...argv], { from: 'user' });
  return command.opts<RunOptions>();
}

describe('tsible run options', () => {
  it('reads ansible-style flags, repeatable -i and -e, counted -v', () => {
    const options = parse(['-i', 'a', '-i', 'b', '-e', 'x=1', '-e', '@v.yml', '-m', 'shell', '-a', 'uptime', '-b', '-o', '-vvv']);
    expect(options).toMatchObject({ inventory: ['a', 'b'], extraVars: ['x=1', '@v.yml'], moduleName: 'shell', args: 'uptime', become: true, oneLine: true, verbose: 3 });
  });

  it('turns setting flags into configuration overrides', () => {
    expect(configOverrides(parse(['-f', '7', '-T', '3', '-u', 'deploy', '--key-file', '/k', '--become-user', 'app', '-K']))).toEqual({
      DEFAULT_FORKS: 7,
      DEFAULT_TIMEOUT: 3,
      DEFAULT_REMOTE_USER: 'deploy',
      DEFAULT_PRIVATE_KEY_FILE: '/k',
      DEFAULT_BECOME_USER: 'app',
      DEFAULT_BECOME_ASK_PASS: true,
    });
    expect(configOverrides(parse(['--private-key', '/p'])).DEFAULT_PRIVATE_KEY_FILE).toBe('/p');
  });

  it('rejects a forks value that is not a positive number as bad options', () => {
    expect(() => configOverrides(parse(['-f', 'many']))).toThrow("--forks must be a positive whole number, got 'many'");
  });
});
