import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../packages/engine/bin/tsible.js', import.meta.url));

function tsible(args: string[], cwd: string, env: Record<string, string>) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, env: { PATH: process.env['PATH'] ?? '', ...env }, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function project(cfg: string | undefined): { cwd: string; home: string } {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'tsible-cli-config-')));
  const cwd = join(root, 'work');
  const home = join(root, 'home');
  mkdirSync(cwd);
  mkdirSync(home);
  if (cfg !== undefined) writeFileSync(join(cwd, 'ansible.cfg'), cfg);
  return { cwd, home };
}

describe('tsible config', () => {
  it('dump --only-changed prints NAME(origin) = value lines and warns about unknown keys', () => {
    const { cwd, home } = project('[defaults]\nforks = 20\nnot_a_setting = 1\n[privilege_escalation]\nbecome = yes\n');
    const out = tsible(['config', 'dump', '--only-changed'], cwd, { HOME: home, ANSIBLE_TIMEOUT: '33' });
    const cfg = join(cwd, 'ansible.cfg');
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(
      [`CONFIG_FILE() = ${cfg}`, `DEFAULT_BECOME(${cfg}) = True`, `DEFAULT_FORKS(${cfg}) = 20`, 'DEFAULT_TIMEOUT(env: ANSIBLE_TIMEOUT) = 33', ''].join('\n'),
    );
    expect(out.stderr).toBe(`[WARNING]: ${cfg}:3: unknown setting 'not_a_setting' in [defaults], ignored\n`);
  });

  it('fails with ERROR! file:line:col and exit code 5 on a bad value', () => {
    const { cwd, home } = project('[defaults]\nforks = many\n');
    const out = tsible(['config', 'dump'], cwd, { HOME: home });
    expect(out.code).toBe(5);
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe(
      `ERROR! ${join(cwd, 'ansible.cfg')}:2:1: Invalid type for configuration option setting: DEFAULT_FORKS (from ${join(cwd, 'ansible.cfg')}): invalid literal for int() with base 10: 'many'\n`,
    );
  });

  it('view prints the file in use, or fails when there is none', () => {
    const { cwd, home } = project('[defaults]\nforks = 20\n');
    expect(tsible(['config', 'view'], cwd, { HOME: home }).stdout).toBe('[defaults]\nforks = 20\n');
    const empty = project(undefined);
    const out = tsible(['config', 'view'], empty.cwd, { HOME: empty.home });
    expect(out.code).toBe(1);
    expect(out.stderr).toBe('ERROR! Invalid or no config file was supplied\n');
  });

  it('-c uses the given file', () => {
    const { cwd, home } = project('[defaults]\nforks = 20\n');
    writeFileSync(join(cwd, 'other.cfg'), '[defaults]\nforks = 21\n');
    expect(tsible(['config', 'dump', '--only-changed', '-c', 'other.cfg'], cwd, { HOME: home }).stdout).toContain(`DEFAULT_FORKS(${join(cwd, 'other.cfg')}) = 21`);
    expect(tsible(['config', 'dump', '-c', 'missing.cfg'], cwd, { HOME: home }).code).toBe(5);
  });

  it('list describes every setting as YAML', () => {
    const { cwd, home } = project(undefined);
    const out = tsible(['config', 'list'], cwd, { HOME: home });
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^DEFAULT_FORKS:\n {2}type: integer\n {2}default: 50\n/m);
    expect(out.stdout).toContain('  - name: ANSIBLE_FORKS\n  - name: TSIBLE_FORKS\n');
  });
});
