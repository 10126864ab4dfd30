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

/** A lab that is up, or a registered lab whose state cannot be read (say, `up` died early). */
export type LabStatus = { name: string; state: LabState; hosts: HostStatus[] } | { name: string; problem: string };

export async function hostStatus(state: LabState, host: LabHost): Promise<HostStatus> {
  const [sup, key] = await Promise.all([supervisorPid(state.stateDir, host), probeSshd(host)]);
  return { host, running: sup !== null, sshd: key !== null && key === host.hostKey };
}

/** Status of one lab, or of every lab that is up when no name is given. */
export async function labStatus(name?: string): Promise<LabStatus[]> {
  const names = name ? [name] : await listLabNames();
  const out: LabStatus[] = [];
  for (const n of names) {
    let state: LabState;
    try {
      state = await loadLab(n);
    } catch (err) {
      if (name) throw err;
      out.push({ name: n, problem: err instanceof Error ? err.message : String(err) });
      continue;
    }
    out.push({ name: n, state, hosts: await Promise.all(state.hosts.map((h) => hostStatus(state, h))) });
  }
  return out;
}
