/**
 * The built CLI run against localhost over the local connection, compared
 * with what `ansible` 2.14 printed for the same command line (recorded by
 * test/fixtures/adhoc/record.py): screen text, one-line text and exit code.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAdhocRecordings, recordedInventory, type RecordedCase } from '../fixtures/adhoc/recordings.js';

const CLI = fileURLToPath(new URL('../../packages/engine/bin/tsible.js', import.meta.url));

/** Each run has its own clock and set order; everything else must be identical. */
function mask(text: string): string {
  return text
    .replace(/Valid booleans include: [^"\n]*/g, 'Valid booleans include: <set>')
    .replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}/g, '<time>')
    .replace(/\d+:\d\d:\d\d\.\d{6}/g, '<delta>');
}

/** Cases that need nothing Ansible-specific: its Python traceback (ping crash) and its usage text are not ours. */
const SKIP = new Set(['ping-crash', 'ping-unreachable', 'command-unreachable-and-failed']);

describe('tsible run on localhost matches ansible (recorded)', () => {
  let work: string;
  let inventory: string;
  const cases = loadAdhocRecordings().filter((c) => !SKIP.has(c.name));

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'tsible-adhoc-local-'));
    inventory = join(work, 'hosts');
    writeFileSync(inventory, recordedInventory());
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  function run(c: RecordedCase, oneLine: boolean): { code: number; stdout: string; stderr: string } {
    const args = ['run', c.pattern, '-i', inventory, '-m', c.module, ...c.options, ...(oneLine ? ['-o'] : [])];
    if (c.args !== '') args.push('-a', c.args);
    const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: work, env: { ...process.env, ANSIBLE_NOCOLOR: '1' } });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  }

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const minimal = run(c, false);
    expect(minimal.code).toBe(c.minimal.rc);
    if (c.name === 'command-no-args') {
      expect(minimal.stderr).toContain('ERROR! No argument passed to command module');
      return;
    }
    expect(mask(minimal.stdout)).toBe(mask(c.minimal.stdout));
    const oneLine = run(c, true);
    expect(oneLine.code).toBe(c.oneline.rc);
    expect(mask(oneLine.stdout)).toBe(mask(c.oneline.stdout));
  });

  it('warns when no host matches, and exits 0', () => {
    const c = loadAdhocRecordings().find((x) => x.name === 'no-hosts-matched');
    if (c === undefined) throw new Error('missing recording');
    const r = run(c, false);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('[WARNING]: No hosts matched, nothing to do');
  });
});
