import { createConnection } from '../connection/factory.js';
import type { ConnectionSettings } from '../connection/options/settings.js';
import type { Connection } from '../connection/types.js';

/**
 * One persistent connection per host for the whole run, opened on first
 * use (with the host's variables at that time) and closed at the end.
 */
export class ConnectionPool {
  private readonly open = new Map<string, { key: string; connection: Connection }>();

  constructor(private readonly settings: ConnectionSettings) {}

  async get(host: string, vars: Readonly<Record<string, unknown>>): Promise<Connection> {
    const key = connectionKey(vars);
    const existing = this.open.get(host);
    if (existing && existing.key === key) return existing.connection;
    if (existing) await existing.connection.close().catch(() => undefined);
    const connection = createConnection(host, vars, this.settings);
    this.open.set(host, { key, connection });
    try {
      await connection.connect();
    } catch (err) {
      this.open.delete(host);
      await connection.close().catch(() => undefined);
      throw err;
    }
    return connection;
  }

  /** meta: reset_connection — the next task reconnects. */
  async reset(host: string): Promise<void> {
    const existing = this.open.get(host);
    this.open.delete(host);
    await existing?.connection.close().catch(() => undefined);
  }

  async closeAll(): Promise<void> {
    const all = [...this.open.values()];
    this.open.clear();
    await Promise.all(all.map(({ connection }) => connection.close().catch(() => undefined)));
  }
}

/** Connection variables that, when they change, need a new connection. */
function connectionKey(vars: Readonly<Record<string, unknown>>): string {
  const names = ['ansible_connection', 'ansible_host', 'ansible_ssh_host', 'ansible_port', 'ansible_user', 'ansible_ssh_user', 'ansible_ssh_private_key_file', 'ansible_private_key_file'];
  return JSON.stringify(names.map((n) => vars[n] ?? null));
}
