import { ConnectionRegistry } from '../connection/connection-registry.js';
import type { Connection } from '../connection/types.js';

/**
 * The run's connections (one persistent connection per host, see
 * ConnectionRegistry), opened before a task uses them.
 */
export class ConnectionPool extends ConnectionRegistry {
  async get(host: string, vars: Readonly<Record<string, unknown>>): Promise<Connection> {
    const connection = this.for(host, vars);
    try {
      await connection.connect();
    } catch (err) {
      await this.reset(host);
      throw err;
    }
    return connection;
  }
}
