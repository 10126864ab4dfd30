import type { RunRequest, RunResult } from '../connection/types.js';
import { ForwardingConnection } from './forwarding-connection.js';

/**
 * Remembers whether a command was ended by the task timeout, so the task
 * can fail with Ansible's message whatever the module made of the cut-short
 * output.
 */
export class TimeoutWatch extends ForwardingConnection {
  timedOut = false;

  override async run(request: RunRequest): Promise<RunResult> {
    const result = await this.inner.run(request);
    if (result.timedOut === true) this.timedOut = true;
    return result;
  }
}
