import { mkdir, readdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { ExitCode, TsibleError } from '../errors/tsible-error.js';
import { Emitter, type EventSink } from '../output/events.js';
import { labAccounts, LAB_PASSWORD } from './accounts.js';
import { MAX_HOSTS, hostAddress, hostVeth, networkPlan, type NetworkPlan } from './address-plan.js';
import { buildAptLists, ensureAptRepo } from './apt-repo.js';
import { aptSources } from './host-config.js';
import { LAB_SCRIPTS_DIR, startHost, stopHost, waitForSshd } from './host-process.js';
import { renderInventory, renderSshConfig } from './inventory.js';
import { generateKeyPair, knownHosts, publicKeyOf } from './keys.js';
import { hostLayout, labLayout } from './layout.js';
import { mountOverlayTmpfs, mountsUnder, unmountAll } from './mounts.js';
import { buildNetwork, claimNetwork, networkLeftovers, pidsInNetns, removeNetwork } from './network.js';
import { preflight } from './preflight.js';
import { claimLabName, findLab, releaseLabName, validateLabName } from './registry.js';
import { applyOverlayMarks, seedRootfs, type OverlayMarks, type RootfsInputs } from './rootfs.js';
import { loadLabState, saveLabState } from './state-file.js';
import type { LabHost, LabSpec, LabState } from './types.js';

const SAFE_PATH = /^\/[A-Za-z0-9_.\/-]+$/;

function badOption(message: string, hint?: string): TsibleError {
  return new TsibleError(message, { code: 'TSIBLE_LAB_OPTION', hint, exitCode: ExitCode.badOptions });
}

export function defaultStateDir(name: string): string {
  return `/var/lib/tsible-lab/${name}`;
}

function validateSpec(spec: LabSpec): string {
  validateLabName(spec.name);
  if (!Number.isInteger(spec.count) || spec.count < 1 || spec.count > MAX_HOSTS) {
    throw badOption(`a lab has 1 to ${MAX_HOSTS} hosts, not ${spec.count}`);
  }
  if (!Number.isInteger(spec.privateCount) || spec.privateCount < 0 || spec.privateCount >= spec.count) {
    throw badOption(`--private must be 0 to ${spec.count - 1} (host 1 is the jump host and stays reachable)`);
  }
  const dir = isAbsolute(spec.stateDir) ? spec.stateDir : resolve(spec.stateDir);
  // The path goes into ssh options, a ProxyCommand and mount options: keep it plain.
  if (!SAFE_PATH.test(dir)) {
    throw badOption(`lab state dir "${dir}" must be a plain path (letters, digits, "_", ".", "-", "/")`);
  }
  return dir;
}

function planHosts(spec: LabSpec, stateDir: string, plan: NetworkPlan): LabHost[] {
  return Array.from({ length: spec.count }, (_, i) => {
    const index = i + 1;
    const name = `${spec.name}-${index}`;
    const isPrivate = index > spec.count - spec.privateCount;
    return {
      name,
      index,
      address: hostAddress(plan.slot, index, isPrivate),
      private: isPrivate,
      netns: `tsl-${name}`,
      veth: hostVeth(plan.slot, index),
      dir: hostLayout(stateDir, name).dir,
      hostKey: '',
    };
  });
}

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

async function machineAccountFiles() {
  const read = (f: string) => readFile(f, 'utf8');
  return labAccounts({
    passwd: await read('/etc/passwd'),
    shadow: await read('/etc/shadow'),
    group: await read('/etc/group'),
    gshadow: await read('/etc/gshadow').catch(() => ''),
  });
}

/** What seeding a host's root needs, rebuilt from the state dir (used by `up` and by host resets). */
async function rootfsInputs(state: LabState): Promise<RootfsInputs> {
  const listsDir = join(labLayout(state.stateDir).aptDir, 'lists');
  return {
    state,
    accounts: await machineAccountFiles(),
    authorizedKey: `${await publicKeyOf(state.keyFile)} tsible-lab-${state.name}\n`,
    aptListsDir: listsDir,
    aptListFiles: (await readdir(listsDir)).filter((f) => f.startsWith('_')),
    powerScript: await readFile(`${LAB_SCRIPTS_DIR}power.sh`, 'utf8'),
  };
}

/** Empty upper/work dirs for a host, seeded with its lab files. Returns overlay markers still to apply. */
async function freshRootfs(state: LabState, host: LabHost, inputs: RootfsInputs): Promise<OverlayMarks> {
  const paths = hostLayout(state.stateDir, host.name);
  await rm(paths.overlay, { recursive: true, force: true });
  await mkdir(paths.upper, { recursive: true, mode: 0o755 });
  await mkdir(paths.work, { recursive: true, mode: 0o755 });
  return seedRootfs(paths.upper, host, { priv: paths.hostKey, pub: `${paths.hostKey}.pub` }, inputs);
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

/** Where a lab's state lives: the registry's entry for `name`, or an explicit dir. */
export async function locateLab(name: string, stateDir?: string): Promise<string> {
  if (stateDir) return resolve(stateDir);
  const found = await findLab(name);
  if (found === null) {
    throw new TsibleError(`no lab named "${name}" is up`, {
      code: 'TSIBLE_LAB_UNKNOWN',
      hint: '"tsible lab status" lists the labs that are up',
    });
  }
  return found;
}

async function loadOrNull(stateDir: string): Promise<LabState | null> {
  try {
    return await loadLabState(stateDir);
  } catch {
    return null;
  }
}

/** Removes a lab's processes, network, mounts and files, as far as they exist. */
async function teardown(name: string, stateDir: string, state: LabState | null, createdStateDir: boolean): Promise<void> {
  if (state) {
    await Promise.all(state.hosts.map((h) => stopHost(stateDir, h)));
    await removeNetwork(networkPlan(state.slot), state.hosts);
  }
  await unmountAll(stateDir);
  await removeStateFiles(stateDir, createdStateDir);
  await releaseLabName(name);
}

/**
 * Deletes only what `up` puts in a state dir, never anything else a user may
 * have there, then the dir itself when `up` created it (and it is now empty).
 */
async function removeStateFiles(stateDir: string, removeDir: boolean): Promise<void> {
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
    join(stateDir, 'hosts'),
    layout.claimsDir,
  ];
  for (const path of ours) await rm(path, { recursive: true, force: true });
  if (removeDir) await rmdir(stateDir).catch(() => undefined);
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

export async function loadLab(name: string, stateDir?: string): Promise<LabState> {
  return loadLabState(await locateLab(name, stateDir));
}

function findHost(state: LabState, hostName: string): LabHost {
  const host = state.hosts.find((h) => h.name === hostName);
  if (!host) {
    throw new TsibleError(`lab "${state.name}" has no host "${hostName}"`, {
      code: 'TSIBLE_LAB_UNKNOWN_HOST',
      hint: `its hosts: ${state.hosts.map((h) => h.name).join(', ')}`,
    });
  }
  return host;
}

/** Stops a host, restores its root to the state `up` left it in, and boots it again (same address and host key). */
export async function resetLabHost(state: LabState, hostName: string): Promise<void> {
  const host = findHost(state, hostName);
  await stopHost(state.stateDir, host);
  await applyOverlayMarks(await freshRootfs(state, host, await rootfsInputs(state)));
  await startHost(state.stateDir, host);
  await waitForSshd(state.stateDir, host);
}
