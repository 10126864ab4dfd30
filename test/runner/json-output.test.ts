import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../fixtures/runner', import.meta.url));
const CLI = fileURLToPath(new URL('../../packages/engine/bin/tsible.js', import.meta.url));

interface JsonReport {
  plays: Array<{ play: { name: string }; tasks: Array<{ task: { name: string }; hosts: Record<string, Record<string, unknown>> }> }>;
  stats: Record<string, Record<string, number>>;
}

describe('tsible playbook --json', () => {
  it('prints one document: plays, tasks, per-host results with times, and the stats', () => {
    const out = mkdtempSync(join(tmpdir(), 'tsible-json.'));
    try {
      const r = spawnSync(process.execPath, [CLI, 'playbook', '-i', 'inventory.ini', '--json', '-e', `out=${out}`, 'playbooks/28-multi-host-fail.yml'], { cwd: FIXTURES, encoding: 'utf8' });
      expect(r.status).toBe(2);
      const report = JSON.parse(r.stdout) as JsonReport;
      expect(report.plays.map((p) => p.play.name)).toEqual(['one host fails, others go on', 'the failed host is gone in the next play']);
      const first = report.plays[0]!.tasks[0]!;
      expect(first.task.name).toBe('fail');
      expect(first.hosts['web1']).toMatchObject({ failed: true, msg: 'web1 fails', action: 'fail' });
      expect(first.hosts['web2']).toMatchObject({ skipped: true, action: 'fail' });
      expect(typeof first.hosts['web1']!['_start']).toBe('string');
      expect(Object.keys(report.plays[1]!.tasks[0]!.hosts)).toEqual(['web2']);
      expect(report.stats['web1']).toEqual({ changed: 0, failures: 1, ignored: 0, ok: 0, rescued: 0, skipped: 0, unreachable: 0 });
      expect(report.stats['web2']).toEqual({ changed: 0, failures: 0, ignored: 0, ok: 3, rescued: 0, skipped: 1, unreachable: 0 });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
