import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TsibleError } from '../errors/tsible-error.js';
import { hostEnv, lastLines, run } from './exec.js';
import { hostLayout } from './layout.js';
import { pidsInNetns } from './network.js';
import type { LabHost } from './types.js';

/** The lab's shell scripts ship next to the package (packages/engine/lab-scripts). */
export const LAB_SCRIPTS_DIR = fileURLToPath(new URL('../../lab-scripts/', import.meta.url));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function readPid(file: string): Promise<number | null> {
  const n = Number((await readFile(file, 'utf8').catch(() => '')).trim());
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** True when `pid` is a live process whose command line mentions every one of `marks` (no PID-reuse accidents). */
async function isOurs(pid: number, marks: string[]): Promise<boolean> {
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  return cmdline !== '' && marks.every((m) => cmdline.includes(m));
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Boots a host under its supervisor (detached: it outlives the tsible process that started it). */
export async function startHost(stateDir: string, host: LabHost): Promise<void> {
  const paths = hostLayout(stateDir, host.name);
  await mkdir(paths.control, { recursive: true, mode: 0o755 });
  await mkdir(paths.root, { recursive: true, mode: 0o755 });
  await rm(paths.sshdLog, { force: true });
  const log = openSync(paths.consoleLog, 'a');
  try {
    const child = spawn('/bin/sh', [`${LAB_SCRIPTS_DIR}supervise.sh`, paths.dir, paths.overlay, host.netns, host.name], {
      detached: true,
      stdio: ['ignore', log, log],
      env: hostEnv(),
      cwd: '/',
    });
    child.unref();
  } finally {
    closeSync(log);
  }
}

/** The supervisor of a host, when it is running. */
export async function supervisorPid(stateDir: string, host: LabHost): Promise<number | null> {
  const paths = hostLayout(stateDir, host.name);
  const pid = await readPid(paths.supervisePid);
  return pid !== null && (await isOurs(pid, ['supervise.sh', paths.dir])) ? pid : null;
}

async function waitUntil(check: () => Promise<boolean>, deadline: number): Promise<boolean> {
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await sleep(20);
  }
}

/**
 * Stops a host. Its boot process goes first: with it goes the host's PID 1,
 * whose exit makes the kernel kill and reap every process of the host. The
 * supervisor, told "stop" rather than "reboot", then ends by itself. Last,
 * anything else still inside the host's network namespace is killed.
 */
export async function stopHost(stateDir: string, host: LabHost, timeoutMs = 10_000): Promise<void> {
  const paths = hostLayout(stateDir, host.name);
  const deadline = Date.now() + timeoutMs;
  await writeFile(join(paths.control, 'request'), 'stop\n').catch(() => undefined);
  const boot = await readPid(paths.bootPid);
  if (boot !== null && (await isOurs(boot, ['unshare', paths.dir]))) killQuietly(boot);
  const supervisorGone = await waitUntil(async () => (await supervisorPid(stateDir, host)) === null, Math.min(deadline, Date.now() + 3000));
  if (!supervisorGone) {
    const sup = await supervisorPid(stateDir, host);
    if (sup !== null) killQuietly(sup);
  }
  const emptied = await waitUntil(async () => {
    const pids = await pidsInNetns(host.netns);
    pids.forEach(killQuietly);
    return pids.length === 0;
  }, deadline);
  if (!emptied) {
    const pids = await pidsInNetns(host.netns);
    throw new TsibleError(`lab host ${host.name}: processes ${pids.join(' ')} would not die`, { code: 'TSIBLE_LAB_STOP', owner: 'tsible' });
  }
  await rm(paths.supervisePid, { force: true });
  await rm(paths.bootPid, { force: true });
}

/** Waits until the host's sshd logs that it listens (cheap: a file read, no process per poll). */
export async function waitForSshd(stateDir: string, host: LabHost, timeoutMs = 30_000): Promise<void> {
  const paths = hostLayout(stateDir, host.name);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const log = await readFile(paths.sshdLog, 'utf8').catch(() => '');
    if (log.includes('Server listening on 0.0.0.0 port 22')) return;
    await sleep(25);
  }
  const console = await readFile(paths.consoleLog, 'utf8').catch(() => '');
  const sshd = await readFile(paths.sshdLog, 'utf8').catch(() => '');
  throw new TsibleError(`lab host ${host.name} did not start sshd within ${timeoutMs / 1000}s: ${lastLines(sshd || console, 5)}`, {
    code: 'TSIBLE_LAB_BOOT',
    owner: 'tsible',
    hint: `see ${paths.consoleLog}`,
  });
}

/** Asks the host's sshd for its key from inside the host's network; null when nothing answers. */
export async function probeSshd(host: LabHost): Promise<string | null> {
  const res = await run(['nsenter', `--net=/run/netns/${host.netns}`, 'ssh-keyscan', '-T', '2', '-t', 'ed25519', host.address], {
    allowFailure: true,
  });
  const line = res.stdout.split('\n').find((l) => l.startsWith(`${host.address} `));
  return line ? line.slice(host.address.length + 1).trim() : null;
}
