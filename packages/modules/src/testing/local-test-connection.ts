import { createConnection, type Connection, type PutOptions, type RunRequest, type RunResult } from '@tsible/engine';

/**
 * The engine's local connection (this machine, through /bin/sh), recording
 * every request so tests can count round trips.
 */
export class LocalTestConnection implements Connection {
  readonly host = 'localhost';
  readonly requests: RunRequest[] = [];
  private readonly inner = createConnection('localhost', { ansible_connection: 'local' });

  connect(): Promise<void> {
    return this.inner.connect();
  }

  run(request: RunRequest): Promise<RunResult> {
    this.requests.push(request);
    return this.inner.run(request);
  }

  put(content: Buffer, remotePath: string, options?: PutOptions): Promise<void> {
    return this.inner.put(content, remotePath, options);
  }

  get(remotePath: string): Promise<Buffer> {
    return this.inner.get(remotePath);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
