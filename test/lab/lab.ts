/**
 * Lab hosts for integration tests. test/lab/global-setup.ts brings one lab up
 * for the whole jest run (when running as root on Linux) and writes its state
 * to the file named by $TSIBLE_TEST_LAB_INFO; tests read it through these helpers.
 */
import { readFileSync } from 'node:fs';
import { loadLab, proxyCommand, resetLabHost, type LabHost, type LabState } from '../../packages/engine/src/lab/index.js';

export type LabInfoFile = { available: true; state: LabState } | { available: false; reason: string };

function readInfo(): LabInfoFile {
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

/** Restores a host's root to its pristine state and boots it again; for test files that change a host. */
export async function resetHost(name: string): Promise<void> {
  const state = labInfo();
  await resetLabHost(await loadLab(state.name, state.stateDir), name);
}

/**
 * argv for OpenSSH's client to run `command` on `host` as `user`, with the
 * lab key and host key checking on (ProxyCommand through host 1 for private hosts).
 */
export function sshArgv(host: LabHost, command: string, user = 'root'): string[] {
  const state = labInfo();
  const base = ['-i', state.keyFile, '-o', `UserKnownHostsFile=${state.knownHostsFile}`, '-o', 'StrictHostKeyChecking=yes', '-o', 'BatchMode=yes'];
  const proxy = host.private ? ['-o', `ProxyCommand=${proxyCommand(state)}`] : [];
  return ['ssh', ...base, ...proxy, `${user}@${host.address}`, command];
}

/** `describe` for tests that need the lab; skipped with the reason when it is not up (not root, not Linux). */
export function describeLab(name: string, fn: () => void): void {
  const reason = labUnavailableReason();
  if (reason === null) describe(name, fn);
  else describe.skip(`${name} [skipped: ${reason}]`, fn);
}
