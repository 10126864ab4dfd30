// `tsible run all -m command -a true` on 20 lab hosts, side by side with
// (a) the floor: a bare ssh2 program (bench/adhoc-floor.mjs, its own node
// process like the CLI) that connects to every host and runs one exec, all at
// once — also timed inside this process, without node's start-up — and
// (b) `ansible all -m command -a true -f 20` when ansible-core is installed. Needs root on Linux (the lab) and a build:
//   npx pnpm@9.15.9 build && node --import ./bench/register-ts.mjs bench/adhoc.ts [hosts] [rounds]
// Prints a Markdown table and writes it to bench/results/adhoc.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Client } from 'ssh2';
import type { LabState } from '../packages/engine/src/lab/index.js';

const HOSTS = Number(process.argv[2] ?? 20);
const ROUNDS = Number(process.argv[3] ?? 5);
const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(REPO, 'packages/engine/bin/tsible.js');
const LAB_NAME = 'tsible-bench-adhoc';

function tsible(args: string[], env: NodeJS.ProcessEnv = process.env): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env });
  return { code: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The floor inside this process: one ssh2 connection and one exec of `true` per host, all concurrent. */
async function bareSsh2(state: LabState, hosts: LabState['hosts']): Promise<number> {
  const privateKey = readFileSync(state.keyFile);
  const start = performance.now();
  await Promise.all(
    hosts.map(
      (host) =>
        new Promise<void>((done, fail) => {
          const client = new Client();
          client
            .on('ready', () => {
              client.exec('true', (err, stream) => {
                if (err) return fail(err);
                stream.on('close', () => {
                  client.end();
                  done();
                });
                stream.resume();
                stream.stderr.resume();
              });
            })
            .on('error', fail)
            .connect({ host: host.address, port: 22, username: 'root', privateKey, readyTimeout: 10_000 });
        }),
    ),
  );
  return performance.now() - start;
}

function timed(run: () => { code: number; stderr: string }, what: string): number {
  const start = performance.now();
  const r = run();
  const ms = performance.now() - start;
  if (r.code !== 0) throw new Error(`${what} failed (exit ${r.code}):\n${r.stderr}`);
  return ms;
}

function ansibleAvailable(): boolean {
  return spawnSync('ansible', ['--version'], { encoding: 'utf8' }).status === 0;
}

async function main(): Promise<void> {
  const stateDir = mkdtempSync(join(tmpdir(), 'tsible-bench-lab-'));
  tsible(['lab', 'down', '--name', LAB_NAME]);
  const up = tsible(['lab', 'up', String(HOSTS), '--name', LAB_NAME, '--dir', stateDir]);
  if (up.code !== 0) throw new Error(`tsible lab up failed:\n${up.stdout}${up.stderr}`);
  try {
    const state = JSON.parse(readFileSync(join(stateDir, 'lab.json'), 'utf8')) as LabState;
    const hosts = state.hosts.filter((h) => !h.private).slice(0, HOSTS);
    const inventory = state.inventoryFile;
    // Warm up: host keys cached by the OS, lab sshd processes paged in.
    await bareSsh2(state, hosts);
    tsible(['run', 'all', '-i', inventory, '-m', 'command', '-a', 'true']);

    const floor: number[] = [];
    const floorProcess: number[] = [];
    const ours: number[] = [];
    const floorProgram = (): { code: number; stderr: string } => {
      const r = spawnSync(process.execPath, [join(REPO, 'bench/adhoc-floor.mjs'), state.keyFile, ...hosts.map((h) => h.address)], { encoding: 'utf8' });
      return { code: r.status ?? 1, stderr: r.stderr };
    };
    const theirs: number[] = [];
    const withAnsible = ansibleAvailable();
    const ansibleEnv = { ...process.env, ANSIBLE_HOST_KEY_CHECKING: 'True', ANSIBLE_SSH_ARGS: `-o UserKnownHostsFile=${state.knownHostsFile}` };
    for (let round = 0; round < ROUNDS; round++) {
      floor.push(await bareSsh2(state, hosts));
      floorProcess.push(timed(floorProgram, 'bare ssh2 program'));
      ours.push(timed(() => tsible(['run', 'all', '-i', inventory, '-m', 'command', '-a', 'true', '-f', String(HOSTS)]), 'tsible run'));
      // Ansible takes tens of seconds of both cores: once is enough to compare.
      if (withAnsible && round === 0) {
        const ansible = (): { code: number; stderr: string } => {
          const r = spawnSync('ansible', ['all', '-i', inventory, '-m', 'command', '-a', 'true', '-f', String(HOSTS)], { encoding: 'utf8', env: ansibleEnv });
          return { code: r.status ?? 1, stderr: `${r.stdout}${r.stderr}` };
        };
        theirs.push(timed(ansible, 'ansible'));
      }
    }
    const inProcess = median(floor);
    const f = median(floorProcess);
    const t = median(ours);
    const rows = [
      `| ${hosts.length} hosts, \`command -a true\` (median of ${ROUNDS}) | wall time | vs floor program |`,
      '| --- | ---: | ---: |',
      `| bare ssh2 inside a running process (no node start-up) | ${(inProcess / 1000).toFixed(3)} s | ${(inProcess / f).toFixed(2)}x |`,
      `| bare ssh2 program (node start-up + connect + one exec per host) — the floor | ${(f / 1000).toFixed(3)} s | 1.00x |`,
      `| tsible run (whole CLI: config, inventory, modules, host keys checked) | ${(t / 1000).toFixed(3)} s | ${(t / f).toFixed(2)}x |`,
    ];
    if (withAnsible) {
      const a = median(theirs);
      rows.push(`| ansible -f ${HOSTS} (one run) | ${(a / 1000).toFixed(3)} s | ${(a / f).toFixed(2)}x |`);
      rows.push('', `ansible / tsible: ${(a / t).toFixed(1)}x`);
    } else {
      rows.push('', 'ansible-core not installed: Ansible column skipped.');
    }
    const table = `${rows.join('\n')}\n`;
    process.stdout.write(table);
    const out = join(REPO, 'bench/results');
    if (!existsSync(out)) mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'adhoc.md'), table);
  } finally {
    tsible(['lab', 'down', '--name', LAB_NAME]);
    rmSync(stateDir, { recursive: true, force: true });
  }
}

await main();
