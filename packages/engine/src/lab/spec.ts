import { isAbsolute, resolve } from 'node:path';
import { ExitCode, TsibleError } from '../errors/tsible-error.js';
import { MAX_HOSTS, hostAddress, hostVeth, type NetworkPlan } from './address-plan.js';
import { hostLayout } from './layout.js';
import { validateLabName } from './registry.js';
import type { LabHost, LabSpec } from './types.js';

const SAFE_PATH = /^\/[A-Za-z0-9_.\/-]+$/;

export function badOption(message: string, hint?: string): TsibleError {
  return new TsibleError(message, { code: 'TSIBLE_LAB_OPTION', hint, exitCode: ExitCode.badOptions });
}

export function defaultStateDir(name: string): string {
  return `/var/lib/tsible-lab/${name}`;
}

/** Checks what `up` was asked for; returns the absolute state dir. */
export function validateSpec(spec: LabSpec): string {
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

/** The hosts of a lab: names, addresses (the last `privateCount` on the private network), interfaces. */
export function planHosts(spec: LabSpec, stateDir: string, plan: NetworkPlan): LabHost[] {
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
