import { startHost, stopHost, waitForSshd } from './host-process.js';
import { freshRootfs, rootfsInputs } from './host-seed.js';
import { findHost } from './locate.js';
import { applyOverlayMarks } from './rootfs.js';
import type { LabState } from './types.js';

/** Stops a host, restores its root to the state `up` left it in, and boots it again (same address and host key). */
export async function resetLabHost(state: LabState, hostName: string): Promise<void> {
  const host = findHost(state, hostName);
  await stopHost(state.stateDir, host);
  await applyOverlayMarks(await freshRootfs(state, host, await rootfsInputs(state)));
  await startHost(state.stateDir, host);
  await waitForSshd(state.stateDir, host);
}
