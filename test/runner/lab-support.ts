/** Playbook runs against reserved lab hosts: a temp dir with the inventory and playbook, the CLI's argv. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LabHost } from '../../packages/engine/src/lab/index.js';
import { labInfo } from '../lab/lab.js';

export const CLI = fileURLToPath(new URL('../../packages/engine/bin/tsible.js', import.meta.url));

/** An inventory of the given lab hosts (and any extra host lines) in one group, connecting as root with the lab's key and known_hosts. */
export function labInventory(hosts: readonly LabHost[], group = 'targets', extraHosts: readonly string[] = []): string {
  const state = labInfo();
  return [
    `[${group}]`,
    ...hosts.map((h) => `${h.name} ansible_host=${h.address}`),
    ...extraHosts,
    '',
    `[${group}:vars]`,
    'ansible_user=root',
    `ansible_ssh_private_key_file=${state.keyFile}`,
    `ansible_ssh_common_args='-o UserKnownHostsFile=${state.knownHostsFile} -o StrictHostKeyChecking=yes'`,
    '',
  ].join('\n');
}

/** A temp dir holding hosts.ini (the lab hosts, or localhost when none) and site.yml; `argv` is the `tsible playbook` command line for them. */
export function playbookDir(prefix: string, hosts: readonly LabHost[], playbook: string): { dir: string; argv: (...extra: string[]) => string[]; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  // No lab hosts: this machine over the local connection (no lab needed).
  writeFileSync(join(dir, 'hosts.ini'), hosts.length > 0 ? labInventory(hosts) : 'localhost ansible_connection=local\n');
  writeFileSync(join(dir, 'site.yml'), playbook);
  return {
    dir,
    argv: (...extra) => [CLI, 'playbook', '-i', join(dir, 'hosts.ini'), ...extra, join(dir, 'site.yml')],
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
