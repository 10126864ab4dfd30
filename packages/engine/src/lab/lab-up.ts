import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Emitter, type EventSink } from '../output/events.js';
import { LAB_PASSWORD } from './accounts.js';
import { buildAptLists, ensureAptRepo } from './apt-repo.js';
import { aptSources } from './host-config.js';
import { startHost, waitForSshd } from './host-process.js';
import { freshRootfs, rootfsInputs } from './host-seed.js';
import { renderInventory, renderSshConfig } from './inventory.js';
import { generateKeyPair, knownHosts } from './keys.js';
import { teardown } from './lab-down.js';
import { loadOrNull } from './locate.js';
import { hostLayout, labLayout } from './layout.js';
import { mountOverlayTmpfs } from './mounts.js';
import { buildNetwork, claimNetwork } from './network.js';
import { preflight } from './preflight.js';
import { claimLabName, releaseLabName } from './registry.js';
import { applyOverlayMarks } from './rootfs.js';
import { badOption, planHosts, validateSpec } from './spec.js';
import { saveLabState } from './state-file.js';
import type { LabSpec, LabState } from './types.js';

/** Creates the state dir, or adopts an existing empty one. Returns whether it was created. */
async function prepareStateDir(dir: string): Promise<boolean> {
  const existing = await readdir(dir).catch(() => null);
  if (existing === null) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    return true;
  }
  if (existing.length > 0) {
    const hint = existing.includes('lab.json')
      ? `it holds a lab that is no longer registered (after a machine reboot?): "tsible lab down --name NAME --dir ${dir}" clears it`
      : 'give an empty or new directory with --dir';
    throw badOption(`lab state dir ${dir} is not empty`, hint);
  }
  return false;
}

/**
 * Brings up a lab of isolated hosts. On any failure, everything created so
 * far is removed again before the error is thrown.
 */
export async function labUp(spec: LabSpec, sink?: EventSink): Promise<LabState> {
  const events = new Emitter(sink ?? { emit: () => undefined });
  const started = Date.now();
  const stateDir = validateSpec(spec);
  await preflight(events);
  await claimLabName(spec.name, stateDir);
  let createdStateDir: boolean;
  try {
    createdStateDir = await prepareStateDir(stateDir);
  } catch (err) {
    await releaseLabName(spec.name);
    throw err;
  }
  try {
    const layout = labLayout(stateDir);
    const aptRepo = await ensureAptRepo();
    const plan = await claimNetwork(spec.name);
    const hosts = planHosts(spec, stateDir, plan);
    const hasPrivate = spec.privateCount > 0;
    const state: LabState = {
      version: 1,
      name: spec.name,
      stateDir,
      createdStateDir,
      slot: plan.slot,
      bridge: plan.bridge,
      privateBridge: hasPrivate ? plan.privateBridge : null,
      jumpVeth: hasPrivate ? plan.jumpVeth : null,
      subnet: plan.subnet,
      privateSubnet: hasPrivate ? plan.privateSubnet : null,
      gateway: plan.gateway,
      jumpAddress: hasPrivate ? plan.jumpAddress : null,
      keyFile: layout.keyFile,
      knownHostsFile: layout.knownHostsFile,
      inventoryFile: layout.inventoryFile,
      sshConfigFile: layout.sshConfigFile,
      password: LAB_PASSWORD,
      users: [],
      aptRepo,
      hosts,
    };
    // Saved before anything else is built, so `down` can clean up a half-built lab.
    await saveLabState(state);
    await buildNetwork(plan, hosts);
    events.info('lab.network', `network ready: ${plan.subnet} on ${plan.bridge} (${Date.now() - started} ms)`);
    await mkdir(layout.overlayMount, { mode: 0o700 });
    await mountOverlayTmpfs(layout.overlayMount, spec.name);

    await Promise.all([
      generateKeyPair(layout.keyFile, `tsible-lab-${spec.name}`),
      ...hosts.map(async (h) => {
        await mkdir(h.dir, { recursive: true, mode: 0o755 });
        h.hostKey = await generateKeyPair(hostLayout(stateDir, h.name).hostKey, `root@${h.name}`);
      }),
    ]);
    await mkdir(layout.aptDir, { mode: 0o755 });
    const sourcesList = join(layout.aptDir, 'sources.list');
    await writeFile(sourcesList, aptSources(aptRepo));
    await buildAptLists(sourcesList, join(layout.aptDir, 'lists'));

    const inputs = await rootfsInputs(state);
    state.users = inputs.accounts.users;
    const marks = await Promise.all(hosts.map((h) => freshRootfs(state, h, inputs)));
    await applyOverlayMarks({ opaque: marks.flatMap((m) => m.opaque), whiteouts: marks.flatMap((m) => m.whiteouts) });

    await writeFile(layout.knownHostsFile, knownHosts(hosts), { mode: 0o644 });
    await writeFile(layout.inventoryFile, renderInventory(state), { mode: 0o644 });
    await writeFile(layout.sshConfigFile, renderSshConfig(state), { mode: 0o644 });
    await saveLabState(state);
    events.info('lab.seeded', `host roots seeded (${Date.now() - started} ms)`);

    await Promise.all(hosts.map((h) => startHost(stateDir, h)));
    await Promise.all(hosts.map((h) => waitForSshd(stateDir, h)));
    events.info('lab.booted', `sshd listening on every host (${Date.now() - started} ms)`);
    return state;
  } catch (err) {
    await teardown(spec.name, stateDir, await loadOrNull(stateDir), createdStateDir).catch(() => undefined);
    throw err;
  }
}
