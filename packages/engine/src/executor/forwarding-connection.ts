import type { Connection, PutOptions, RunRequest, RunResult } from '../connection/types.js';

/** A connection that hands every call to another; subclasses watch or record what passes. */
export class ForwardingConnection implements Connection {
  constructor(protected readonly inner: Connection) {}

  get host(): string {
    return this.inner.host;
  }

  connect(): Promise<void> {
    return this.inner.connect();
  }

  run(request: RunRequest): Promise<RunResult> {
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
