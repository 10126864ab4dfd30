import { join } from 'node:path';

/**
 * Where everything of one lab lives inside its state dir:
 *   lab.json, id_ed25519[.pub], known_hosts, inventory.ini, ssh_config
 *   claims/         host reservations of concurrent test files
 *   apt/            sources.list and apt lists built for the lab repository
 *   overlay/        tmpfs; overlay/NAME/{upper,work} per host
 *   hosts/NAME/     ssh host key, PID files, boot_id, console.log,
 *                   control/ (bound to /run/tsible-lab inside the host),
 *                   root/ (mount point of the host's root, inside its own mount namespace)
 */
export interface LabLayout {
  stateFile: string;
  keyFile: string;
  knownHostsFile: string;
  inventoryFile: string;
  sshConfigFile: string;
  aptDir: string;
  overlayMount: string;
  hostsDir: string;
  /** Host reservations of concurrent test files (see test/lab/lab.ts). */
  claimsDir: string;
}

export interface HostLayout {
  dir: string;
  control: string;
  root: string;
  hostKey: string;
  consoleLog: string;
  sshdLog: string;
  supervisePid: string;
  bootPid: string;
  overlay: string;
  upper: string;
  work: string;
}

export function labLayout(stateDir: string): LabLayout {
  return {
    stateFile: join(stateDir, 'lab.json'),
    keyFile: join(stateDir, 'id_ed25519'),
    knownHostsFile: join(stateDir, 'known_hosts'),
    inventoryFile: join(stateDir, 'inventory.ini'),
    sshConfigFile: join(stateDir, 'ssh_config'),
    aptDir: join(stateDir, 'apt'),
    overlayMount: join(stateDir, 'overlay'),
    hostsDir: join(stateDir, 'hosts'),
    claimsDir: join(stateDir, 'claims'),
  };
}

export function hostLayout(stateDir: string, hostName: string): HostLayout {
  const dir = join(labLayout(stateDir).hostsDir, hostName);
  const control = join(dir, 'control');
  const overlay = join(stateDir, 'overlay', hostName);
  return {
    dir,
    control,
    root: join(dir, 'root'),
    hostKey: join(dir, 'ssh_host_ed25519_key'),
    consoleLog: join(dir, 'console.log'),
    sshdLog: join(control, 'sshd.log'),
    supervisePid: join(dir, 'supervise.pid'),
    bootPid: join(dir, 'boot.pid'),
    overlay,
    upper: join(overlay, 'upper'),
    work: join(overlay, 'work'),
  };
}
