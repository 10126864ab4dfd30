/**
 * jest global setup of the integration project: one lab of isolated sshd
 * hosts for the whole run, brought up through the real CLI (so it needs the
 * build, like every CLI test). Not root or not Linux: the info file records
 * the reason instead and describeLab() skips. TSIBLE_TEST_LAB_KEEP=1 reuses a
 * healthy lab left up by an earlier run (and teardown then leaves it up).
 *
 * jest loads this file as CommonJS without its module mapper, so it only
 * uses node's own modules; tests find the info file through the environment.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const REPO_ROOT = resolve(__dirname, '../..');
const CLI = join(REPO_ROOT, 'packages/engine/bin/tsible.js');
const HOSTS = 12;
const PRIVATE = 1;

function tsible(args: string[]): { code: number; output: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status ?? 1, output: `${r.stdout}${r.stderr}` };
}

function labAvailability(): string | null {
  if (process.platform !== 'linux') return 'lab hosts need Linux';
  if (process.getuid?.() !== 0) return 'lab hosts need root';
  return null;
}

export default function globalSetup(): void {
  // One test lab per checkout: parallel checkouts on one machine never share (or tear down) each other's lab.
  const name = `tsible-test-${createHash('sha1').update(REPO_ROOT).digest('hex').slice(0, 4)}`;
  // Lab state paths end up in ssh options, so they must be plain; a checkout whose path is not keeps it elsewhere.
  const base = /^\/[A-Za-z0-9_./-]+$/.test(REPO_ROOT) ? join(REPO_ROOT, '.lab') : '/var/lib/tsible-lab';
  const stateDir = join(base, name);
  const infoFile = join(base, `${name}.json`);
  const reason = labAvailability();
  if (reason !== null) {
    process.env.TSIBLE_TEST_LAB_UNAVAILABLE = reason;
    process.stderr.write(`\ntsible test lab not started (${reason}): tests that need lab hosts are skipped\n`);
    return;
  }
  mkdirSync(base, { recursive: true });
  process.env.TSIBLE_TEST_LAB_INFO = infoFile;
  process.env.TSIBLE_TEST_LAB_NAME = name;
  if (!existsSync(join(REPO_ROOT, 'packages/engine/dist/cli/main.js'))) {
    throw new Error('the lab is brought up by the built CLI: run "npx pnpm@9.15.9 build" first');
  }
  const keep = process.env.TSIBLE_TEST_LAB_KEEP === '1';
  if (!(keep && tsible(['lab', 'status', '--name', name]).code === 0)) {
    // A lab left by a run that crashed goes first.
    tsible(['lab', 'down', '--name', name]);
    tsible(['lab', 'down', '--name', name, '--dir', stateDir]);
    const up = tsible(['lab', 'up', String(HOSTS), '--private', String(PRIVATE), '--name', name, '--dir', stateDir]);
    if (up.code !== 0) throw new Error(`tsible lab up failed:\n${up.output}`);
  }
  const state: unknown = JSON.parse(readFileSync(join(stateDir, 'lab.json'), 'utf8'));
  writeFileSync(infoFile, JSON.stringify({ available: true, state }, null, 2) + '\n');
}
