/** Reading what apt-get printed: the `diff.prepared` text Ansible cuts out of its output. */

/** apt-get's summary when nothing changes (Ansible's APT_GET_ZERO). */
export const APT_GET_ZERO = '\n0 upgraded, 0 newly installed';
/** aptitude's summary when nothing changes. */
export const APTITUDE_ZERO = '\n0 packages upgraded, 0 newly installed';

/** Ansible's parse_diff: apt-get's plan between "Reading state information..." and the summary line. */
export function preparedDiff(output: string): { prepared: string } {
  const lines = output.split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '' && output.length > 0) lines.pop();
  let start = lines.indexOf('Resolving dependencies...');
  if (start < 0) start = lines.indexOf('Reading state information...');
  let end = lines.findIndex((l) => /^[0-9]+ (packages )?upgraded/.test(l));
  if (end < 0) end = lines.length;
  return { prepared: lines.slice(start + 1, end + 1).join('\n') };
}
