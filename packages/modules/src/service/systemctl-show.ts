/**
 * Ansible's parse_systemctl_show: `Key=Value` lines into a mapping; a value
 * that opens with `{` and does not close on its line (ExecStart=...) runs
 * on until a line that ends with `}`.
 */
export function parseSystemctlShow(output: string): Record<string, string> {
  const parsed: Record<string, string> = {};
  let multi: { key: string; lines: string[] } | undefined;
  for (const line of output.split('\n')) {
    if (multi !== undefined) {
      multi.lines.push(line);
      if (line.trimEnd().endsWith('}')) {
        parsed[multi.key] = multi.lines.join('\n').trim();
        multi = undefined;
      }
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq);
    const value = line.slice(eq + 1);
    if (key.startsWith('Exec') && value.trimStart().startsWith('{') && !value.trimEnd().endsWith('}')) {
      multi = { key, lines: [value] };
    } else {
      parsed[key] = value.trim();
    }
  }
  return parsed;
}
