import { readdir, rm, rmdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { TsibleError } from '../errors/tsible-error.js';
import { networkPlan } from './address-plan.js';
import { stopHost } from './host-process.js';
import { labLayout } from './layout.js';
import { locateLab, loadOrNull } from './locate.js';
import { mountsUnder, unmountAll } from './mounts.js';
import { networkLeftovers, pidsInNetns, removeNetwork } from './network.js';
import { findLab, releaseLabName } from './registry.js';
import { defaultStateDir } from './spec.js';
import type { LabState } from './types.js';

/** Removes a lab's processes, network, mounts and files, as far as they exist. */
export async function teardown(name: string, stateDir: string, state: LabState | null, createdStateDir: boolean): Promise<void> {
  // Without lab.json nothing of ours is in the dir (up saves it before creating anything there):
  // never unmount or delete anything in a directory we cannot prove is a lab's.
  if (state) {
    await Promise.all(state.hosts.map((h) => stopHost(stateDir, h)));
    await removeNetwork(networkPlan(state.slot), state.hosts);
    await unmountAll(stateDir);
    await removeStateFiles(stateDir);
  }
  if (createdStateDir) {
    await rmdir(stateDir).catch(() => undefined);
    // The default home of lab state dirs is the lab's own: it goes with the last lab in it.
    if (dirname(stateDir) === dirname(defaultStateDir('x'))) await rmdir(dirname(stateDir)).catch(() => undefined);
  }
  await releaseLabName(name);
}

/** Deletes only what `up` puts in a state dir, never anything else a user may have there. */
async function removeStateFiles(stateDir: string): Promise<void> {
  const layout = labLayout(stateDir);
  const ours = [
    layout.stateFile,
    layout.keyFile,
    `${layout.keyFile}.pub`,
    layout.knownHostsFile,
    layout.inventoryFile,
    layout.sshConfigFile,
    layout.aptDir,
    layout.overlayMount,
    layout.hostsDir,
    layout.claimsDir,
  ];
  for (const path of ours) await rm(path, { recursive: true, force: true });
}

/** What is left of a lab after `down`: must be nothing. */
export async function labLeftovers(state: LabState): Promise<string[]> {
  const left = await networkLeftovers(networkPlan(state.slot), state.hosts);
  for (const h of state.hosts) {
    const pids = await pidsInNetns(h.netns);
    if (pids.length > 0) left.push(`processes ${pids.join(' ')} of ${h.name}`);
  }
  for (const m of await mountsUnder(state.stateDir)) left.push(`mount ${m}`);
  const entries = await readdir(state.stateDir).catch(() => null);
  if (entries !== null && (state.createdStateDir || entries.length > 0)) left.push(`state dir ${state.stateDir}`);
  if ((await findLab(state.name)) !== null) left.push(`registry entry of ${state.name}`);
  return left;
}

/** Takes a lab down completely; an error lists anything that could not be removed. */
export async function labDown(name: string, stateDir?: string): Promise<void> {
  const dir = await locateLab(name, stateDir);
  const state = await loadOrNull(dir);
  if (state === null && (await findLab(name)) === null) {
    throw new TsibleError(`there is no lab in ${dir}`, {
      code: 'TSIBLE_LAB_UNKNOWN',
      hint: '"tsible lab status" lists the labs that are up',
    });
  }
  await teardown(state?.name ?? name, dir, state, state?.createdStateDir ?? false);
  if (state) {
    let left = await labLeftovers(state);
    // The kernel finishes some removals (namespaces, links) asynchronously: look again before complaining.
    for (let attempt = 0; attempt < 10 && left.length > 0; attempt++) {
      await new Promise((r) => setTimeout(r, 100));
      await teardown(state.name, dir, state, state.createdStateDir).catch(() => undefined);
      left = await labLeftovers(state);
    }
    if (left.length > 0) {
      throw new TsibleError(`lab "${state.name}" is down but some of it remains: ${left.join(', ')}`, {
        code: 'TSIBLE_LAB_LEFTOVERS',
        owner: 'tsible',
      });
    }
  }
}
