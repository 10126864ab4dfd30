import { resolve } from 'node:path';
import { TsibleError } from '../errors/tsible-error.js';
import { findLab } from './registry.js';
import { loadLabState } from './state-file.js';
import type { LabHost, LabState } from './types.js';

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

/** The saved state of a lab, or null when there is none (or it is unreadable). */
export async function loadOrNull(stateDir: string): Promise<LabState | null> {
  try {
    return await loadLabState(stateDir);
  } catch {
    return null;
  }
}

/** The state of a lab that is up (by name), or of the lab in `stateDir`. */
export async function loadLab(name: string, stateDir?: string): Promise<LabState> {
  return loadLabState(await locateLab(name, stateDir));
}

/** A host of the lab by name, or an error listing the lab's hosts. */
export function findHost(state: LabState, hostName: string): LabHost {
  const host = state.hosts.find((h) => h.name === hostName);
  if (!host) {
    throw new TsibleError(`lab "${state.name}" has no host "${hostName}"`, {
      code: 'TSIBLE_LAB_UNKNOWN_HOST',
      hint: `its hosts: ${state.hosts.map((h) => h.name).join(', ')}`,
    });
  }
  return host;
}
