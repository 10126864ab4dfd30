import { probeSshd, supervisorPid } from './host-process.js';
import { loadLab } from './locate.js';
import { listLabNames } from './registry.js';
import type { LabHost, LabState } from './types.js';

export interface HostStatus {
  host: LabHost;
  /** Its supervisor process is running. */
  running: boolean;
  /** sshd answered from inside the host's network with the host key in known_hosts. */
  sshd: boolean;
}

export interface LabStatus {
  state: LabState;
  hosts: HostStatus[];
}

export async function hostStatus(state: LabState, host: LabHost): Promise<HostStatus> {
  const [sup, key] = await Promise.all([supervisorPid(state.stateDir, host), probeSshd(host)]);
  return { host, running: sup !== null, sshd: key !== null && key === host.hostKey };
}

/** Status of one lab, or of every lab that is up when no name is given. */
export async function labStatus(name?: string): Promise<LabStatus[]> {
  const names = name ? [name] : await listLabNames();
  const out: LabStatus[] = [];
  for (const n of names) {
    const state = await loadLab(n);
    out.push({ state, hosts: await Promise.all(state.hosts.map((h) => hostStatus(state, h))) });
  }
  return out;
}
