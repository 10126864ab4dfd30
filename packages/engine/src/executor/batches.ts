/**
 * How a play's hosts are split into batches. The linear strategy runs one
 * batch with every host; rolling `serial` batches plug in here.
 */
export function playBatches(hosts: readonly string[], _serial: unknown): string[][] {
  return hosts.length === 0 ? [] : [[...hosts]];
}
