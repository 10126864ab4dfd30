import { startHost, stopHost, supervisorPid, waitForSshd } from './host-process.js';
import { findHost } from './locate.js';
import type { LabState } from './types.js';

/** Stops a host from outside, as if it lost power: for tests of unreachable hosts. Its disk is kept. */
export async function stopLabHost(state: LabState, hostName: string): Promise<void> {
  await stopHost(state.stateDir, findHost(state, hostName));
}

/** Boots a stopped host again (a no-op when it is running) and waits for its sshd. */
export async function startLabHost(state: LabState, hostName: string): Promise<void> {
  const host = findHost(state, hostName);
  if ((await supervisorPid(state.stateDir, host)) === null) {
    await stopHost(state.stateDir, host); // whatever is left of it
    await startHost(state.stateDir, host);
  }
  await waitForSshd(state.stateDir, host);
}
