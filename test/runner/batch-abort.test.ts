import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURES, normaliseOutput, readCase, runCase } from './golden-case.js';

const CLI = fileURLToPath(new URL('../../packages/engine/bin/tsible.js', import.meta.url));

// Beside the recorded stdout, tsible says on stderr which batch stopped the rollout and which hosts it never touched.
describe('a batch that stops the rollout is named on stderr', () => {
  it.each([
    ['77-serial-batch-all-failed', 'ABORTED: batch 2 of 4 stopped the playbook (every host failed: 2 of 2 hosts failed); never touched: k7, k4, k6\n'],
    ['92-unreachable-batch', 'ABORTED: batch 2 of 3 stopped the playbook (every host failed or was unreachable: 3 of 3 hosts failed); never touched: m2\n'],
    ['76-max-fail-above', 'ABORTED: batch 1 of 2 stopped the playbook (max_fail_percentage 25: 2 of 4 hosts failed); never touched: k7, k4, k6\n'],
  ])('%s', (name, message) => {
    expect(runCase(name, readCase(name)).stderr).toBe(message);
  });

  it('says nothing when a fatal batch still lets the next one run (a host unreachable on the fatal task counts twice)', () => {
    const got = runCase('93-unreachable-fatal', readCase('93-unreachable-fatal'));
    expect(got.stderr).toBe('');
    expect(got.rc).toBe(2);
  });
});

describe('ANSIBLE_ANY_ERRORS_FATAL', () => {
  it('makes a play without the keyword stop as one with any_errors_fatal: true does', () => {
    const recorded = readCase('63-any-errors-fatal');
    const dir = mkdtempSync(join(tmpdir(), 'tsible-fatal-config.'));
    try {
      const playbook = readFileSync(join(FIXTURES, 'playbooks/63-any-errors-fatal.yml'), 'utf8').replace('  any_errors_fatal: true\n', '');
      expect(playbook).not.toContain('any_errors_fatal: true');
      writeFileSync(join(dir, 'site.yml'), playbook);
      const run = (env: Record<string, string>): ReturnType<typeof spawnSync> =>
        spawnSync(process.execPath, [CLI, 'playbook', '-i', join(FIXTURES, 'inventory.ini'), join(dir, 'site.yml')], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
      const fatal = run({ ANSIBLE_ANY_ERRORS_FATAL: 'True' });
      expect(normaliseOutput(String(fatal.stdout))).toBe(normaliseOutput(recorded.stdout));
      expect(fatal.status).toBe(2);
      expect(String(run({}).stdout)).toContain('"msg": "never"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
