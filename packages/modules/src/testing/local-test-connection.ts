import { createConnection, ForwardingConnection, type RunRequest, type RunResult } from '@tsible/engine';

/**
 * The engine's local connection (this machine, through /bin/sh), recording
 * every request so tests can count round trips.
 */
export class LocalTestConnection extends ForwardingConnection {
  readonly requests: RunRequest[] = [];

  constructor() {
    super(createConnection('localhost', { ansible_connection: 'local' }));
  }

  override run(request: RunRequest): Promise<RunResult> {
    this.requests.push(request);
    return this.inner.run(request);
  }
}
