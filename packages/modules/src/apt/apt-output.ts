/**
 * Reading what apt-get printed: the records of the apt script, and the
 * `diff.prepared` text Ansible cuts out of apt-get's output.
 */

/** apt-get's summary when nothing changes (Ansible's APT_GET_ZERO). */
export const APT_GET_ZERO = '\n0 upgraded, 0 newly installed';
/** aptitude's summary when nothing changes. */
export const APTITUDE_ZERO = '\n0 packages upgraded, 0 newly installed';

export interface AptScriptReport {
  /** `key value` records in the order the script printed them. */
  fields: Map<string, string>;
  /** Captured command output, by section name (out, err). */
  sections: Map<string, string>;
  warnings: string[];
}

/**
 * Splits the script's output: lines starting with the nonce are records
 * (`NONCE key value`); `NONCE begin NAME` ... `NONCE close` frames captured
 * output, which the script ends with one extra newline.
 */
export function parseAptReport(stdout: string, nonce: string): AptScriptReport {
  const fields = new Map<string, string>();
  const sections = new Map<string, string>();
  const warnings: string[] = [];
  const prefix = `${nonce} `;
  let open: { name: string; lines: string[] } | undefined;
  for (const line of stdout.split('\n')) {
    if (!line.startsWith(prefix)) {
      open?.lines.push(line);
      continue;
    }
    const record = line.slice(prefix.length);
    const space = record.indexOf(' ');
    const key = space < 0 ? record : record.slice(0, space);
    const value = space < 0 ? '' : record.slice(space + 1);
    if (key === 'begin') open = { name: value, lines: [] };
    else if (key === 'close' && open !== undefined) {
      // The script adds one newline after the content so the marker starts a line.
      const text = open.lines.join('\n');
      sections.set(open.name, text.endsWith('\n') ? text.slice(0, -1) : text);
      open = undefined;
    } else if (key === 'warn') warnings.push(value);
    else fields.set(key, value);
  }
  return { fields, sections, warnings };
}

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
