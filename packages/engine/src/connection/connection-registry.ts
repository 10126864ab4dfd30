import { connectionFor } from './factory.js';
import { connectionOptionsFromVars, type ConnectionOptions } from './options/connection-options.js';
import type { ConnectionSettings } from './options/settings.js';
import type { HostVars } from './options/var-values.js';
import type { Connection } from './types.js';

/**
 * The run's connections: one per host, opened on first use and kept for the
 * whole run. When a host's connection variables change between tasks (a
 * set_fact of ansible_user, say), it gets a new connection, as in Ansible.
 */
export class ConnectionRegistry {
  private readonly byHost = new Map<string, { signature: string; connection: Connection }>();
  private readonly retired: Connection[] = [];

  constructor(private readonly settings: ConnectionSettings = {}) {}

  for(hostName: string, vars: HostVars): Connection {
    const options = connectionOptionsFromVars(hostName, vars, this.settings);
    const signature = signatureOf(options);
    const known = this.byHost.get(hostName);
    if (known && known.signature === signature) return known.connection;
    if (known) this.retired.push(known.connection);
    const connection = connectionFor(options);
    this.byHost.set(hostName, { signature, connection });
    return connection;
  }

  /** Drops a host's connection (meta: reset_connection, a lost host): the next use opens a new one. */
  async reset(hostName: string): Promise<void> {
    const known = this.byHost.get(hostName);
    this.byHost.delete(hostName);
    await known?.connection.close().catch(() => undefined);
  }

  /** Closes every connection (those replaced along the way too). */
  async closeAll(): Promise<void> {
    const all = [...this.retired.splice(0), ...[...this.byHost.values()].map((entry) => entry.connection)];
    this.byHost.clear();
    await Promise.all(all.map((connection) => connection.close().catch(() => undefined)));
  }
}

/** What makes two option sets reach the host the same way (settings are the run's, shared). */
function signatureOf(options: ConnectionOptions): string {
  const { settings: _settings, ...own } = options;
  return JSON.stringify(own);
}
