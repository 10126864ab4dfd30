import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection, type Connection, type ConnectionSettings } from '@tsible/engine';
import { labInfo } from '../../lab/lab.js';
import type { LabHost } from '../../../packages/engine/src/lab/index.js';

/** What the connection tests need to know about one SSH host. */
export interface SshTarget {
  name: string;
  address: string;
  port: number;
  user: string;
  password: string;
  keyFile: string;
  knownHostsFile: string;
  /** `type base64` of the host's real key. */
  hostKey: string;
}

/** A lab host as `user` (tester2's sudo asks for the password; tester's does not). */
export function labTarget(host: LabHost, user = 'tester2'): SshTarget {
  const lab = labInfo();
  return {
    name: host.name,
    address: host.address,
    port: 22,
    user,
    password: lab.password,
    keyFile: lab.keyFile,
    knownHostsFile: lab.knownHostsFile,
    hostKey: host.hostKey,
  };
}

/** Inventory variables reaching `target` with the lab key and the lab known_hosts file. */
export function targetVars(target: SshTarget, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ansible_host: target.address,
    ansible_port: target.port,
    ansible_user: target.user,
    ansible_ssh_private_key_file: target.keyFile,
    ansible_ssh_common_args: `-o UserKnownHostsFile=${target.knownHostsFile}`,
    ...extra,
  };
}

/** A throwaway HOME so the user's own ~/.ssh never influences a test. */
export function isolatedHome(): { home: string; settings(extra?: ConnectionSettings): ConnectionSettings; cleanup(): void } {
  const home = mkdtempSync(join(tmpdir(), 'tsible-conn-home-'));
  return {
    home,
    settings: (extra = {}) => ({ env: { HOME: home, PATH: process.env['PATH'] }, timeoutSeconds: 5, ...extra }),
    cleanup: () => rmSync(home, { recursive: true, force: true }),
  };
}

/** Opens connections and closes every one of them after the test file. */
export function connectionPool(): { open(name: string, vars: Record<string, unknown>, settings: ConnectionSettings): Connection; closeAll(): Promise<void> } {
  const open: Connection[] = [];
  return {
    open(name, vars, settings) {
      const connection = createConnection(name, vars, settings);
      open.push(connection);
      return connection;
    },
    async closeAll() {
      await Promise.all(open.splice(0).map((c) => c.close()));
    },
  };
}
