import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { labAccounts } from './accounts.js';
import { LAB_SCRIPTS_DIR } from './host-process.js';
import { publicKeyOf } from './keys.js';
import { hostLayout, labLayout } from './layout.js';
import { seedRootfs, type OverlayMarks, type RootfsInputs } from './rootfs.js';
import type { LabHost, LabState } from './types.js';

/** The machine's account files with the lab's users and passwords added. */
export async function machineAccountFiles() {
  const read = (f: string) => readFile(f, 'utf8');
  return labAccounts({
    passwd: await read('/etc/passwd'),
    shadow: await read('/etc/shadow'),
    group: await read('/etc/group'),
    gshadow: await read('/etc/gshadow').catch(() => ''),
  });
}

/** What seeding a host's root needs, rebuilt from the state dir (used by `up` and by host resets). */
export async function rootfsInputs(state: LabState): Promise<RootfsInputs> {
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
export async function freshRootfs(state: LabState, host: LabHost, inputs: RootfsInputs): Promise<OverlayMarks> {
  const paths = hostLayout(state.stateDir, host.name);
  await rm(paths.overlay, { recursive: true, force: true });
  await mkdir(paths.upper, { recursive: true, mode: 0o755 });
  await mkdir(paths.work, { recursive: true, mode: 0o755 });
  return seedRootfs(paths.upper, host, { priv: paths.hostKey, pub: `${paths.hostKey}.pub` }, inputs);
}
