/** Lab-host helpers of the system-settings and users tests. */
import { labHost, sshRun } from '../lab/lab.js';

export { tsibleRun, type Outcome } from '../support/tsible-run.js';

/** A command's stdout on the host over plain ssh; throws when it fails. */
export async function onHost(host: string, command: string): Promise<string> {
  const run = await sshRun(labHost(host), command);
  if (run.code !== 0) throw new Error(`${command} failed on ${host} (${run.code}): ${run.stderr}`);
  return run.stdout;
}
