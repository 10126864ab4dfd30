import { LocalConnection } from './local.js';
import { connectionOptionsFromVars, type ConnectionOptions } from './options/connection-options.js';
import type { ConnectionSettings } from './options/settings.js';
import type { HostVars } from './options/var-values.js';
import { SshConnection } from './ssh/ssh-connection.js';
import type { Connection } from './types.js';

/** The connection for one host, chosen by ansible_connection (ssh by default). */
export function createConnection(hostName: string, vars: HostVars, settings: ConnectionSettings = {}): Connection {
  return connectionFor(connectionOptionsFromVars(hostName, vars, settings));
}

export function connectionFor(options: ConnectionOptions): Connection {
  return options.kind === 'local' ? new LocalConnection(options) : new SshConnection(options);
}
