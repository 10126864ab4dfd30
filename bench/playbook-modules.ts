// A play of 30 file-area tasks (bench/playbook-modules/site.yml) on a lab of
// 20 hosts, cold (every host starts without the files: almost every task
// changes) and warm (the same run again: nothing changes), side by side in one
// run with:
//  (a) the floor: a bare ssh2 program (bench/adhoc-floor.mjs with EXECS=30)
//      that connects to every host and runs one exec per task per host;
//  (b) ansible-playbook -f 20 with pipelining and ControlPersist, when
//      ansible-core is installed (skipped with a message otherwise).
// Then the rolling rows: the same play cold with `serial: 5`, with
// `strategy: free`, and with both, each beside ansible-playbook's cold run.
// Needs root on Linux (the lab) and a build:
//   npx pnpm@9.15.9 build && node --import ./bench/register-ts.mjs bench/playbook-modules.ts [hosts] [rounds]
// Prints a Markdown table and writes it to bench/results/playbook-modules.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { LabState } from '../packages/engine/src/lab/index.js';

const HOSTS = Number(process.argv[2] ?? 20);
const ROUNDS = Number(process.argv[3] ?? 3);
const TASKS = 30;
const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(REPO, 'packages/engine/bin/tsible.js');
const PLAYBOOK = join(REPO, 'bench/playbook-modules/site.yml');
// TSIBLE_BENCH_LAB names the lab, so two benches on one machine do not take down each other's.
const LAB_NAME = process.env['TSIBLE_BENCH_LAB'] ?? 'bench';

interface Outcome {
  code: number;
  output: string;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Outcome {
  const r = spawnSync(command, args, { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? 1, output: `${r.stdout}${r.stderr}` };
}

function tsible(args: string[]): Outcome {
  return run(process.execPath, [CLI, ...args]);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Runs once, checks the exit code and, for a playbook, how many tasks changed on the first host. */
function timed(what: string, go: () => Outcome, expectChanged?: 'some' | 'none'): number {
  const start = performance.now();
  const r = go();
  const ms = performance.now() - start;
  if (r.code !== 0) throw new Error(`${what} failed (exit ${r.code}):\n${r.output.slice(-4000)}`);
  if (expectChanged !== undefined) {
    const changed = /changed=(\d+)/.exec(r.output)?.[1];
    if (changed === undefined) throw new Error(`${what}: no PLAY RECAP in the output`);
    if ((expectChanged === 'none') !== (changed === '0')) throw new Error(`${what}: expected ${expectChanged} changed, recap says changed=${changed}`);
  }
  return ms;
}

/** The rolling rows: play keywords set through the playbook's bench_* variables. */
const ROLLING = [
  { label: 'linear, serial: 5', tool: 'serial', extraVars: ['-e', 'bench_serial=5'] },
  { label: 'strategy: free, no serial', tool: 'free', extraVars: ['-e', 'bench_strategy=free'] },
  { label: 'strategy: free, serial: 5', tool: 'free-serial', extraVars: ['-e', 'bench_serial=5', '-e', 'bench_strategy=free'] },
];

function rollingTable(lines: ReadonlyArray<{ label: string; tsible: number; ansible: number | undefined }>): string[] {
  const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
  return [
    `| cold, ${TASKS} tasks × ${HOSTS} hosts | tsible (median of ${ROUNDS}) | ansible-playbook (one run) | ansible / tsible |`,
    '| --- | ---: | ---: | ---: |',
    ...lines.map((l) => `| ${l.label} | ${s(l.tsible)} | ${l.ansible === undefined ? '—' : s(l.ansible)} | ${l.ansible === undefined ? '—' : `${(l.ansible / l.tsible).toFixed(1)}x`} |`),
  ];
}

function ansibleAvailable(): boolean {
  return run('ansible-playbook', ['--version']).code === 0;
}

async function main(): Promise<void> {
  const loadAtStart = loadavg()[0]!;
  const stateDir = mkdtempSync(join(tmpdir(), 'tsible-bench-lab-'));
  tsible(['lab', 'down', '--name', LAB_NAME]);
  const up = tsible(['lab', 'up', String(HOSTS), '--name', LAB_NAME, '--dir', stateDir]);
  if (up.code !== 0) throw new Error(`tsible lab up failed:\n${up.output}`);
  try {
    const state = JSON.parse(readFileSync(join(stateDir, 'lab.json'), 'utf8')) as LabState;
    const hosts = state.hosts.filter((h) => !h.private).slice(0, HOSTS);
    const inventory = state.inventoryFile;
    const floorArgs = [join(REPO, 'bench/adhoc-floor.mjs'), state.keyFile, ...hosts.map((h) => h.address)];
    const floorProgram = (): Outcome => run(process.execPath, floorArgs, { ...process.env, EXECS: String(TASKS) });
    // Each run works in its own remote directory, so every cold run is really cold.
    const playbook = (tool: string, keywords: string[] = []): Outcome => tsible(['playbook', PLAYBOOK, '-i', inventory, '-f', String(HOSTS), '-e', `tool=${tool}`, ...keywords]);

    // Warm up: lab sshd processes paged in, node's code cache filled.
    timed('floor warm-up', floorProgram);
    timed('tsible warm-up', () => playbook('warmup'));

    const floor: number[] = [];
    const cold: number[] = [];
    const warm: number[] = [];
    const rollingCold = ROLLING.map((): number[] => []);
    for (let round = 0; round < ROUNDS; round++) {
      floor.push(timed('bare ssh2 program', floorProgram));
      cold.push(timed('tsible cold', () => playbook(`tsible-${round}`), 'some'));
      warm.push(timed('tsible warm', () => playbook(`tsible-${round}`), 'none'));
      ROLLING.forEach((variant, i) => rollingCold[i]!.push(timed(`tsible cold, ${variant.label}`, () => playbook(`tsible-${variant.tool}-${round}`, variant.extraVars), 'some')));
    }
    const f = median(floor);
    const c = median(cold);
    const w = median(warm);
    const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
    const rows = [
      `| ${TASKS} tasks × ${hosts.length} hosts (median of ${ROUNDS}) | wall time | vs floor |`,
      '| --- | ---: | ---: |',
      `| floor: bare ssh2 program, one exec per task per host | ${s(f)} | 1.00x |`,
      `| tsible playbook, cold (almost every task changes) | ${s(c)} | ${(c / f).toFixed(2)}x |`,
      `| tsible playbook, warm (nothing changes) | ${s(w)} | ${(w / f).toFixed(2)}x |`,
    ];
    if (ansibleAvailable()) {
      // Ansible takes minutes of both cores: one cold and one warm run.
      const env = {
        ...process.env,
        ANSIBLE_PIPELINING: 'True',
        ANSIBLE_HOST_KEY_CHECKING: 'True',
        ANSIBLE_SSH_ARGS: `-o ControlMaster=auto -o ControlPersist=120s -o UserKnownHostsFile=${state.knownHostsFile}`,
        ANSIBLE_FORKS: String(HOSTS),
      };
      const ansible = (tool: string, keywords: string[] = []): Outcome => run('ansible-playbook', [PLAYBOOK, '-i', inventory, '-f', String(HOSTS), '-e', `tool=${tool}`, ...keywords], env);
      const ac = timed('ansible-playbook cold', () => ansible('ansible'), 'some');
      const aw = timed('ansible-playbook warm', () => ansible('ansible'), 'none');
      rows.push(`| ansible-playbook -f ${HOSTS}, pipelining, ControlPersist, cold (one run) | ${s(ac)} | ${(ac / f).toFixed(2)}x |`);
      rows.push(`| ansible-playbook -f ${HOSTS}, pipelining, ControlPersist, warm (one run) | ${s(aw)} | ${(aw / f).toFixed(2)}x |`);
      rows.push('', `ansible-playbook / tsible: cold ${(ac / c).toFixed(1)}x, warm ${(aw / w).toFixed(1)}x`);
      const rolling = ROLLING.map((variant) => timed(`ansible-playbook cold, ${variant.label}`, () => ansible(`ansible-${variant.tool}`, variant.extraVars), 'some'));
      rows.push('', ...rollingTable([{ label: 'linear, no serial', tsible: c, ansible: ac }, ...ROLLING.map((variant, i) => ({ label: variant.label, tsible: median(rollingCold[i]!), ansible: rolling[i] }))]));
    } else {
      rows.push('', 'ansible-core not installed: Ansible rows skipped.');
      rows.push('', ...rollingTable([{ label: 'linear, no serial', tsible: c, ansible: undefined }, ...ROLLING.map((variant, i) => ({ label: variant.label, tsible: median(rollingCold[i]!), ansible: undefined }))]));
    }
    rows.push('', `Load average (1 min) at the start ${loadAtStart.toFixed(1)}, at the end ${loadavg()[0]!.toFixed(1)} (2 cores).`);
    const table = `${rows.join('\n')}\n`;
    process.stdout.write(table);
    const out = join(REPO, 'bench/results');
    if (!existsSync(out)) mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'playbook-modules.md'), table);
  } finally {
    tsible(['lab', 'down', '--name', LAB_NAME]);
    rmSync(stateDir, { recursive: true, force: true });
  }
}

await main();
