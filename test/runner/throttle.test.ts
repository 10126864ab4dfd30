import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURES } from './golden-case.js';

const CLI = fileURLToPath(new URL('../../packages/engine/bin/tsible.js', import.meta.url));

// Each task takes a lock directory for a moment: a second host inside at the same time fails
// on mkdir. The unthrottled task shows that the hosts really do run at once.
const PLAYBOOK = `
- name: throttle
  hosts: fleet
  gather_facts: false
  strategy: "{{ mode }}"
  tasks:
    - name: task throttle, templated
      shell: mkdir {{ out }}/task-lock && sleep 0.3 && rmdir {{ out }}/task-lock
      throttle: "{{ one }}"
    - name: a throttled block
      throttle: 1
      block:
        - name: inherits the throttle
          shell: mkdir {{ out }}/block-lock && sleep 0.3 && rmdir {{ out }}/block-lock
    - name: not throttled
      shell: mkdir {{ out }}/free-lock && sleep 1 && rmdir {{ out }}/free-lock
      register: unthrottled
      ignore_errors: true
`;

describe('throttle and forks', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tsible-throttle.'));
    writeFileSync(join(dir, 'site.yml'), PLAYBOOK);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const runWith = (mode: string, forks: number): SpawnSyncReturns<string> => {
    const out = mkdtempSync(join(dir, `${mode}-${forks}-`));
    return spawnSync(process.execPath, [CLI, 'playbook', '-i', join(FIXTURES, 'fleet.ini'), '-f', String(forks), '-e', `out=${out} mode=${mode} one=1`, join(dir, 'site.yml')], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 120_000,
    });
  };

  it.each(['linear', 'free', 'host_pinned'])('holds a task and a block to one host at a time under %s, with 7 forks', (mode) => {
    const r = runWith(mode, 7);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const recap = r.stdout.slice(r.stdout.indexOf('PLAY RECAP'));
    // The throttled tasks never failed; the unthrottled one collided on at least one host.
    expect(recap).toMatch(/failed=0/);
    expect(recap).not.toMatch(/failed=[1-9]/);
    if (mode !== 'host_pinned') expect(recap).toMatch(/ignored=1/);
  }, 150_000);

  it.each(['linear', 'free'])('with -f 1 under %s, no two hosts ever run a task at once', (mode) => {
    const r = runWith(mode, 1);
    expect(r.status).toBe(0);
    const recap = r.stdout.slice(r.stdout.indexOf('PLAY RECAP'));
    expect(recap).not.toMatch(/(failed|ignored)=[1-9]/);
  }, 150_000);
});
