import type { RunRequest, RunResult } from '../connection/types.js';
import { ForwardingConnection } from './forwarding-connection.js';

/** The connection a no_log task runs on: its commands never reach the -vvv connection logs. */
export class NoLogConnection extends ForwardingConnection {
  override run(request: RunRequest): Promise<RunResult> {
    return this.inner.run({ ...request, hideInLogs: true });
  }
}
