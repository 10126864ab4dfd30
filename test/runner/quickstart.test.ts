import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'packages/engine/bin/tsible.js');

describe('playbooks/local-quickstart.yml on inventories/local', () => {
  let dir: string;
  beforeAll(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'tsible-quickstart-test.')), 'qs');
  });
  afterAll(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  const run = () =>
    spawnSync(process.execPath, [CLI, 'playbook', '-i', 'inventories/local', 'playbooks/local-quickstart.yml', '-e', `quickstart_dir=${dir}`], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });

  it('makes its files on the first run and changes nothing on the second', () => {
    const first = run();
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/localhost\s+: ok=6 {4}changed=4 {4}unreachable=0 {4}failed=0 {4}skipped=0 {4}rescued=0 {4}ignored=0/);
    expect(readFileSync(join(dir, 'static.txt'), 'utf8')).toBe('hello from tsible\n');
    expect(readFileSync(join(dir, 'quickstart.conf'), 'utf8')).toBe(
      `# Written by tsible's quickstart playbook for localhost.\ngreeting = hello from tsible\ndirectory = ${dir}\nenabled = true\n`,
    );
    const second = run();
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/localhost\s+: ok=6 {4}changed=0 {4}unreachable=0/);
  });
});
