/**
 * Lab hosts for integration tests. test/lab/global-setup.ts brings one lab up
 * for the whole jest run (when running as root on Linux) and writes its state
 * to the file named by $TSIBLE_TEST_LAB_INFO; tests read it through these helpers.
 */
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runArgv, type Run } from './run-argv.js';
import { proxyCommand, resetLabHost, startLabHost, stopLabHost, type LabHost, type LabState } from '../../packages/engine/src/lab/index.js';

export type LabInfoFile = { available: true; state: LabState } | { available: false; reason: string };

function readInfo(): LabInfoFile {
  const unavailable = process.env.TSIBLE_TEST_LAB_UNAVAILABLE;
  if (unavailable) return { available: false, reason: unavailable };
  const file = process.env.TSIBLE_TEST_LAB_INFO;
  if (!file) return { available: false, reason: "the integration project's global setup did not run" };
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LabInfoFile;
  } catch {
    return { available: false, reason: `no lab info at ${file}` };
  }
}

/** Why lab tests are skipped, or null when the lab is up. */
export function labUnavailableReason(): string | null {
  const info = readInfo();
  return info.available ? null : info.reason;
}

/** The test lab's state: hosts, addresses, key, known_hosts, inventory, users and password. */
export function labInfo(): LabState {
  const info = readInfo();
  if (!info.available) throw new Error(`the test lab is not up: ${info.reason}`);
  return info.state;
}

export function labInventoryPath(): string {
  return labInfo().inventoryFile;
}

export function labHost(name: string): LabHost {
  const host = labInfo().hosts.find((h) => h.name === name);
  if (!host) throw new Error(`the test lab has no host ${name}`);
  return host;
}

/** The lab's public hosts (reachable from the machine) and its private ones (only through host 1). */
export function publicHosts(): LabHost[] {
  return labInfo().hosts.filter((h) => !h.private);
}
export function privateHosts(): LabHost[] {
  return labInfo().hosts.filter((h) => h.private);
}

/** Host 1: the only way to the private hosts. Never reserved or reset, so use it read-only. */
export function jumpHost(): LabHost {
  const host = publicHosts()[0];
  if (!host) throw new Error('the test lab has no hosts');
  return host;
}

/** Restores a host's root to its pristine state and boots it again; for test files that change a host. */
export async function resetHost(name: string): Promise<void> {
  await resetLabHost(labInfo(), name);
}

/** Stops a (reserved) host from outside, as if it lost power: for unreachable-host tests. */
export async function stopHost(name: string): Promise<void> {
  await stopLabHost(labInfo(), name);
}

/** Boots a stopped host again and waits for its sshd. */
export async function startHost(name: string): Promise<void> {
  await startLabHost(labInfo(), name);
}

/**
 * argv for OpenSSH's client to run `command` on `host` as `user`, with the
 * lab key and host key checking on (ProxyCommand through host 1 for private
 * hosts). `state` defaults to the test lab; tests with a lab of their own pass theirs.
 */
export function sshArgv(host: LabHost, command: string, user = 'root', state: LabState = labInfo()): string[] {
  const base = ['-i', state.keyFile, '-o', `UserKnownHostsFile=${state.knownHostsFile}`, '-o', 'StrictHostKeyChecking=yes', '-o', 'BatchMode=yes'];
  const proxy = host.private ? ['-o', `ProxyCommand=${proxyCommand(state)}`] : [];
  return ['ssh', ...base, ...proxy, `${user}@${host.address}`, command];
}

/** `describe` for tests that need the lab; skipped with the reason when it is not up (not root, not Linux). */
export function describeLab(name: string, fn: () => void): void {
  const reason = labUnavailableReason();
  if (reason === null) describe(name, fn);
  else describe.skip(`${name} [needs the test lab: ${reason}]`, fn);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Takes a host for this test worker, or returns false when another live worker holds it. */
async function tryClaim(claimsDir: string, host: LabHost): Promise<boolean> {
  const file = join(claimsDir, host.name);
  try {
    await writeFile(file, `${process.pid}\n`, { flag: 'wx' });
    return true;
  } catch {
    const holder = Number((await readFile(file, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(holder) && holder > 0 && processAlive(holder)) return false;
    // Its holder died without releasing it.
    await rm(file, { force: true });
    return false;
  }
}

/**
 * Reserves `count` public hosts (and `privateCount` private ones) for the
 * calling test file, waiting while other test files hold them, and resets
 * each to pristine. Host 1 is the jump host of the private network and is
 * never handed out: use it read-only.
 */
export async function reserveHosts(count: number, privateCount = 0, timeoutMs = 120_000): Promise<LabHost[]> {
  const state = labInfo();
  const claimsDir = join(state.stateDir, 'claims');
  await mkdir(claimsDir, { recursive: true });
  const wanted: Array<[boolean, number]> = [
    [false, count],
    [true, privateCount],
  ];
  const got: LabHost[] = [];
  const deadline = Date.now() + timeoutMs;
  for (const [isPrivate, n] of wanted) {
    const pool = state.hosts.filter((h) => h.private === isPrivate && h.index !== 1);
    if (pool.length < n) throw new Error(`the test lab has only ${pool.length} ${isPrivate ? 'private' : 'public'} hosts to reserve`);
    let taken = 0;
    while (taken < n) {
      for (const h of pool) {
        if (taken < n && !got.includes(h) && (await tryClaim(claimsDir, h))) {
          got.push(h);
          taken += 1;
        }
      }
      if (taken < n) {
        if (Date.now() > deadline) throw new Error(`no free lab hosts within ${timeoutMs / 1000}s`);
        await sleep(200);
      }
    }
  }
  await Promise.all(got.map((h) => resetHost(h.name)));
  return got;
}

export async function releaseHosts(hosts: readonly LabHost[]): Promise<void> {
  const claimsDir = join(labInfo().stateDir, 'claims');
  await Promise.all(hosts.map((h) => rm(join(claimsDir, h.name), { force: true })));
}

/**
 * Reserves pristine hosts for the enclosing describe block (beforeAll) and
 * releases them after it (afterAll). Call the returned function inside tests.
 */
export function useLabHosts(count: number, privateCount = 0): () => LabHost[] {
  let hosts: LabHost[] = [];
  beforeAll(async () => {
    hosts = await reserveHosts(count, privateCount);
  }, 180_000);
  afterAll(async () => {
    await releaseHosts(hosts);
  });
  return () => hosts;
}

/** Runs `command` on `host` over real ssh (see sshArgv). */
export function sshRun(host: LabHost, command: string, user = 'root'): Promise<Run> {
  return runArgv(sshArgv(host, command, user));
}

/** Polls until `host` answers over ssh and `probe` accepts its output (e.g. after a reboot). */
export async function waitForHost(host: LabHost, command: string, probe: (stdout: string) => boolean, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  const argv = sshArgv(host, command);
  for (;;) {
    const r = await runArgv([...argv.slice(0, 1), '-o', 'ConnectTimeout=2', ...argv.slice(1)]);
    if (r.code === 0 && probe(r.stdout)) return r.stdout;
    if (Date.now() > deadline) throw new Error(`${host.name} did not come back within ${timeoutMs / 1000}s: ${r.stderr}`);
    await sleep(200);
  }
}
