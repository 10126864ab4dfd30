import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/runner', import.meta.url));
const CLI = fileURLToPath(new URL('../../packages/engine/bin/tsible.js', import.meta.url));

/** What ansible-playbook printed and left behind for one recorded playbook (see record.sh). */
export interface RecordedCase {
  args: string;
  rc: number;
  stdout: string;
  files: Record<string, { mode: string; content?: string }>;
}

/** Recorded cases whose host interleaving is not fixed (strategy: free, host_pinned). */
export const UNORDERED_CASES: readonly string[] = ['82-strategy-free', '86-free-max-fail', '87-free-any-errors-fatal', '88-host-pinned-max-fail', '89-free-batch-all-failed', '98-free-run-once', '101-free-unreachable'];

export function recordedCases(): string[] {
  return readdirSync(join(FIXTURES, 'cases'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

export function readCase(name: string): RecordedCase {
  return JSON.parse(readFileSync(join(FIXTURES, 'cases', `${name}.json`), 'utf8')) as RecordedCase;
}

/** Timing fields and the temp file a diff's new content was staged in differ from run to run; everything else must match. */
export function normaliseOutput(text: string): string {
  return text.replace(/"(delta|start|end)": "[^"]*"/g, '"$1": "X"').replace(/^\+\+\+ after: .*$/gm, '+++ after: X');
}

function filesUnder(dir: string): RecordedCase['files'] {
  const files: RecordedCase['files'] = {};
  const walk = (current: string): void => {
    for (const entry of readdirSync(current).sort()) {
      const full = join(current, entry);
      const stat = statSync(full);
      const rel = relative(dir, full);
      const mode = `0o${(stat.mode & 0o7777).toString(8)}`;
      if (stat.isDirectory()) {
        files[`${rel}/`] = { mode };
        walk(full);
      } else {
        files[rel] = { mode, content: readFileSync(full, 'utf8').split(dir).join('<OUT>') };
      }
    }
  };
  walk(dir);
  return files;
}

/** Runs tsible on a recorded playbook the way record.sh ran ansible-playbook (stderr is kept, though not recorded). */
export function runCase(name: string, recorded: RecordedCase): RecordedCase & { stderr: string } {
  const out = mkdtempSync(join(tmpdir(), 'tsible-golden.'));
  try {
    const args = ['playbook', '-i', 'inventory.ini', '-f', '1', '-e', `out=${out}`, ...(recorded.args === '' ? [] : recorded.args.split(' ')), `playbooks/${name}.yml`];
    // Ansible prints vault values; tsible masks them unless TSIBLE_MASK_SECRETS=0.
    const run = spawnSync(process.execPath, [CLI, ...args], { cwd: FIXTURES, encoding: 'utf8', env: { ...process.env, ANSIBLE_NOCOLOR: '1', NO_COLOR: '1', TSIBLE_MASK_SECRETS: '0' } });
    const stdout = run.stdout.split(out).join('<OUT>').split(FIXTURES).join('<DIR>');
    return { args: recorded.args, rc: run.status ?? -1, stdout, files: filesUnder(out), stderr: run.stderr };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
