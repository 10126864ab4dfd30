import { chmodSync, mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TsibleError } from '../errors/tsible-error.js';
import { RecordingSink } from '../output/events.js';
import { loadConfig, type LoadConfigOptions } from './config.js';
import { dumpConfig } from './dump.js';
import { parseIni } from './ini.js';

/** A scratch world: <root>/home is $HOME, <root>/work the cwd, no system file. */
function world(files: Record<string, string> = {}): { root: string; options: LoadConfigOptions & { sink: RecordingSink } } {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'tsible-config-')));
  mkdirSync(join(root, 'home'));
  mkdirSync(join(root, 'work'));
  chmodSync(join(root, 'work'), 0o755);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  const home = join(root, 'home');
  return { root, options: { cwd: join(root, 'work'), home, env: { HOME: home }, systemFile: join(root, 'etc/ansible.cfg'), sink: new RecordingSink() } };
}

async function failure(promise: Promise<unknown>): Promise<TsibleError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof TsibleError)) throw new Error(`expected a TsibleError, got ${String(err)}`);
  return err;
}

describe('config file search', () => {
  const all = {
    'env/custom.cfg': '[defaults]\nforks = 1\n',
    'envdir/ansible.cfg': '[defaults]\nforks = 2\n',
    'tenv/tsible.cfg': '[defaults]\nforks = 9\n',
    'work/tsible.cfg': '[defaults]\nforks = 3\n',
    'work/ansible.cfg': '[defaults]\nforks = 4\n',
    'home/.tsible.cfg': '[defaults]\nforks = 5\n',
    'home/.ansible.cfg': '[defaults]\nforks = 6\n',
    'etc/ansible.cfg': '[defaults]\nforks = 7\n',
  };

  it('prefers $TSIBLE_CONFIG, then $ANSIBLE_CONFIG (file or directory)', async () => {
    const { root, options } = world(all);
    const env = { ...options.env, TSIBLE_CONFIG: join(root, 'tenv'), ANSIBLE_CONFIG: join(root, 'env/custom.cfg') };
    expect((await loadConfig({ ...options, env })).get('DEFAULT_FORKS')).toBe(9);
    const onlyAnsible = { ...options.env, ANSIBLE_CONFIG: join(root, 'envdir') };
    const config = await loadConfig({ ...options, env: onlyAnsible });
    expect(config.get('DEFAULT_FORKS')).toBe(2);
    expect(config.file).toBe(join(root, 'envdir/ansible.cfg'));
  });

  it('falls through a missing $ANSIBLE_CONFIG to the next place', async () => {
    const { root, options } = world(all);
    const env = { ...options.env, ANSIBLE_CONFIG: join(root, 'nope.cfg') };
    expect((await loadConfig({ ...options, env })).get('DEFAULT_FORKS')).toBe(3);
  });

  it('then ./tsible.cfg, ./ansible.cfg, ~/.tsible.cfg, ~/.ansible.cfg, the system file: first found wins', async () => {
    const order: Array<[string, number]> = [
      ['work/tsible.cfg', 3],
      ['work/ansible.cfg', 4],
      ['home/.tsible.cfg', 5],
      ['home/.ansible.cfg', 6],
      ['etc/ansible.cfg', 7],
    ];
    for (let i = 0; i < order.length; i++) {
      const present = Object.fromEntries(order.slice(i).map(([path]) => [path, all[path as keyof typeof all]]));
      const { options } = world(present);
      expect((await loadConfig(options)).get('DEFAULT_FORKS')).toBe(order[i]?.[1]);
    }
  });

  it('never merges files: settings missing from the file in use keep their defaults', async () => {
    const { options } = world({ 'work/ansible.cfg': '[defaults]\nforks = 4\n', 'home/.ansible.cfg': '[defaults]\ntimeout = 99\n' });
    const config = await loadConfig(options);
    expect(config.get('DEFAULT_TIMEOUT')).toBe(10);
    expect(config.origin('DEFAULT_TIMEOUT')).toBe('default');
  });

  it('ignores a cfg in a world-writable cwd, with a warning', async () => {
    const { root, options } = world({ 'work/ansible.cfg': '[defaults]\nforks = 4\n', 'home/.ansible.cfg': '[defaults]\nforks = 6\n' });
    chmodSync(join(root, 'work'), 0o777);
    const config = await loadConfig(options);
    expect(config.get('DEFAULT_FORKS')).toBe(6);
    expect(options.sink.messages('warning')).toEqual([
      `tsible is being run in a world writable directory (${join(root, 'work')}), ignoring it as an ansible.cfg source.`,
    ]);
  });

  it('has no file and Ansible defaults (forks: 50 in tsible) when nothing is found', async () => {
    const { options } = world();
    const config = await loadConfig(options);
    expect(config.file).toBeUndefined();
    expect(config.get('DEFAULT_FORKS')).toBe(50);
    expect(config.get('DEFAULT_REMOTE_USER')).toBeNull();
    expect(config.get('HOST_KEY_CHECKING')).toBe(true);
    expect(config.get('INVENTORY_IGNORE_EXTS')).toContain('.retry');
    expect(config.get('DEFAULT_ROLES_PATH')).toEqual([join(options.home ?? '', '.ansible/roles'), '/usr/share/ansible/roles', '/etc/ansible/roles']);
  });

  it('rejects a config file that is not .cfg or .ini', async () => {
    const { root, options } = world({ 'conf.yml': 'forks: 3\n' });
    const err = await failure(loadConfig({ ...options, env: { ...options.env, ANSIBLE_CONFIG: join(root, 'conf.yml') } }));
    expect(err.exitCode).toBe(5);
    expect(err.message).toMatch(/Unsupported configuration file extension/);
  });
});

describe('precedence: default < file < environment < command line', () => {
  const file = { 'work/ansible.cfg': '[defaults]\nforks = 7\ntimeout = 20\nremote_port = 2200\n' };

  it('applies each layer and reports its origin', async () => {
    const { root, options } = world(file);
    const env = { ...options.env, ANSIBLE_TIMEOUT: '30', ANSIBLE_REMOTE_PORT: '2300' };
    const config = await loadConfig({ ...options, env, overrides: { DEFAULT_REMOTE_PORT: 2400 } });
    expect([config.get('DEFAULT_POLL_INTERVAL'), config.origin('DEFAULT_POLL_INTERVAL')]).toEqual([15, 'default']);
    expect([config.get('DEFAULT_FORKS'), config.origin('DEFAULT_FORKS')]).toEqual([7, join(root, 'work/ansible.cfg')]);
    expect([config.get('DEFAULT_TIMEOUT'), config.origin('DEFAULT_TIMEOUT')]).toEqual([30, 'env: ANSIBLE_TIMEOUT']);
    expect([config.get('DEFAULT_REMOTE_PORT'), config.origin('DEFAULT_REMOTE_PORT')]).toEqual([2400, 'cli']);
    expect(config.location('DEFAULT_FORKS')).toEqual({ file: join(root, 'work/ansible.cfg'), line: 2, column: 1 });
    expect(config.location('DEFAULT_TIMEOUT')).toBeUndefined();
  });

  it('lets TSIBLE_* beat ANSIBLE_* when both are set', async () => {
    const { options } = world();
    const env = { ...options.env, TSIBLE_FORKS: '12', ANSIBLE_FORKS: '8' };
    const config = await loadConfig({ ...options, env });
    expect([config.get('DEFAULT_FORKS'), config.origin('DEFAULT_FORKS')]).toEqual([12, 'env: TSIBLE_FORKS']);
  });

  it('reads NO_COLOR', async () => {
    const { options } = world();
    expect((await loadConfig({ ...options, env: { ...options.env, NO_COLOR: '1' } })).get('ANSIBLE_NOCOLOR')).toBe(true);
  });
});

describe('values', () => {
  it('parses booleans like Ansible (non-strict: unknown words are false)', async () => {
    const { options } = world({ 'work/ansible.cfg': '[defaults]\nnocolor = Y\nforce_handlers = on\nany_errors_fatal = 1\nhost_key_checking = maybe\n' });
    const config = await loadConfig(options);
    expect([config.get('ANSIBLE_NOCOLOR'), config.get('DEFAULT_FORCE_HANDLERS'), config.get('ANY_ERRORS_FATAL'), config.get('HOST_KEY_CHECKING')]).toEqual([true, true, true, false]);
  });

  it('expands ~, $VARS and relative paths from the config file directory', async () => {
    const { root, options } = world({ 'work/conf/ansible.cfg': '[defaults]\nlog_path = logs/run.log\nprivate_key_file = ~/.ssh/key\nvault_password_file = $SECRETS/vault\ninventory = hosts, /abs/inv\n' });
    const env = { ...options.env, ANSIBLE_CONFIG: join(root, 'work/conf/ansible.cfg'), SECRETS: '/srv/secrets' };
    const config = await loadConfig({ ...options, env });
    expect(config.get('DEFAULT_LOG_PATH')).toBe(join(root, 'work/conf/logs/run.log'));
    expect(config.get('DEFAULT_PRIVATE_KEY_FILE')).toBe(join(root, 'home/.ssh/key'));
    expect(config.get('DEFAULT_VAULT_PASSWORD_FILE')).toBe('/srv/secrets/vault');
    expect(config.get('DEFAULT_HOST_LIST')).toEqual([join(root, 'work/conf/hosts'), '/abs/inv']);
  });

  it('warns about unknown keys with file and line, and goes on', async () => {
    const { root, options } = world({ 'work/ansible.cfg': '[defaults]\nforks = 3\nfrobnicate = yes\n[galaxy]\nserver = x\nservr = y\n[my_plugin]\nanything = 1\n' });
    const config = await loadConfig(options);
    expect(config.get('DEFAULT_FORKS')).toBe(3);
    const cfg = join(root, 'work/ansible.cfg');
    expect(options.sink.messages('warning')).toEqual([`${cfg}:3: unknown setting 'frobnicate' in [defaults], ignored`, `${cfg}:6: unknown setting 'servr' in [galaxy], ignored`]);
  });

  it('quietly ignores settings Ansible has and tsible does not use', async () => {
    const { root, options } = world({ 'work/ansible.cfg': '[defaults]\ngather_subset = !all\nfact_caching = jsonfile\n' });
    await loadConfig(options);
    expect(options.sink.messages('warning')).toEqual([]);
    expect(options.sink.messages('debug')).toContain(`${join(root, 'work/ansible.cfg')}:2: 'gather_subset' in [defaults] is an Ansible setting tsible does not use; ignored`);
  });

  it('fails on a bad value with file:line and exit code 5', async () => {
    const { root, options } = world({ 'work/ansible.cfg': '[defaults]\ntimeout = 5\nforks = abc\n' });
    const err = await failure(loadConfig(options));
    expect(err.code).toBe('TSIBLE_CONFIG_VALUE');
    expect(err.exitCode).toBe(5);
    expect(err.location).toEqual({ file: join(root, 'work/ansible.cfg'), line: 3, column: 1 });
    expect(err.describe()).toBe(
      `${join(root, 'work/ansible.cfg')}:3:1: Invalid type for configuration option setting: DEFAULT_FORKS (from ${join(root, 'work/ansible.cfg')}): invalid literal for int() with base 10: 'abc'`,
    );
  });

  it('notes (debug) settings that are accepted but have no effect', async () => {
    const { options } = world({ 'work/ansible.cfg': '[ssh_connection]\nssh_args = -o ControlMaster=auto\n' });
    await loadConfig(options);
    expect(options.sink.messages('debug')).toEqual(['ANSIBLE_SSH_ARGS is accepted but has no effect: tsible speaks SSH itself (ssh2), so OpenSSH client options do not apply']);
  });
});

describe('ini parsing like configparser', () => {
  it('joins continuation lines, keeps inner blank lines, drops comments inside', () => {
    const ini = parseIni('[defaults]\nkey = first\n  second\n\n  # a comment\n  third\n\nother: x ;c\n', 'a.cfg');
    expect(ini.get('defaults', 'key')).toEqual({ value: 'first\nsecond\n\nthird', line: 2 });
    expect(ini.get('defaults', 'other')).toEqual({ value: 'x', line: 8 });
  });

  it('lower-cases keys, keeps section case, splits at the first = or :', () => {
    const ini = parseIni('[Defaults]\nFORKS = 3\n[defaults]\nurl: http://x:80/ = y\n', 'b.cfg');
    expect(ini.get('Defaults', 'forks')?.value).toBe('3');
    expect(ini.get('defaults', 'url')?.value).toBe('http://x:80/ = y');
  });
});

describe('dump', () => {
  it('prints values as Python does, sorted, with origins', async () => {
    const { root, options } = world({ 'work/ansible.cfg': "[defaults]\ncallbacks_enabled = it's, b\nnocolor = yes\n" });
    const lines = dumpConfig(await loadConfig(options), true);
    const cfg = join(root, 'work/ansible.cfg');
    expect(lines).toEqual([`ANSIBLE_NOCOLOR(${cfg}) = True`, `CALLBACKS_ENABLED(${cfg}) = ["it's", 'b']`, `CONFIG_FILE() = ${cfg}`]);
  });

  it('shows every setting with defaults, None and the tuple default of INVENTORY_IGNORE_EXTS', async () => {
    const { options } = world();
    const lines = dumpConfig(await loadConfig(options), false);
    expect(lines).toContain('CONFIG_FILE() = None');
    expect(lines).toContain('DEFAULT_FORKS(default) = 50');
    expect(lines).toContain('DEFAULT_REMOTE_USER(default) = None');
    expect(lines).toContain("INVENTORY_IGNORE_EXTS(default) = ('.pyc', '.pyo', '.swp', '.bak', '~', '.rpm', '.md', '.txt', '.rst', '.orig', '.ini', '.cfg', '.retry')");
    expect([...lines].sort()).toEqual(lines);
  });
});
