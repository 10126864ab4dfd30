import type { Connection, PutOptions, RunRequest, RunResult } from '../connection/types.js';

/**
 * Passes everything through to the real connection and remembers whether a
 * command was ended by the task timeout, so the task can fail with Ansible's
 * message whatever the module made of the cut-short output.
 */
export class TimeoutWatch implements Connection {
  timedOut = false;

  constructor(private readonly inner: Connection) {}

  get host(): string {
    return this.inner.host;
  }

  connect(): Promise<void> {
    return this.inner.connect();
  }

  async run(request: RunRequest): Promise<RunResult> {
    const result = await this.inner.run(request);
    if (result.timedOut === true) this.timedOut = true;
    return result;
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
