/**
 * modification_time / access_time as Ansible's file module takes them:
 * 'now', 'preserve', or a time written in the given strftime format
 * (default '%Y%m%d%H%M.%S'), read as local time like Python's time.strptime.
 */

export type TimeRequest = { kind: 'now' } | { kind: 'preserve' } | { kind: 'at'; touchStamp: string; epoch: number };

export class TimeFormatError extends Error {}

const FIELDS: Record<string, { pattern: string; key: 'Y' | 'm' | 'd' | 'H' | 'M' | 'S' | 'y' }> = {
  Y: { pattern: '(\\d{4})', key: 'Y' },
  y: { pattern: '(\\d{2})', key: 'y' },
  m: { pattern: '(\\d{1,2})', key: 'm' },
  d: { pattern: '(\\d{1,2})', key: 'd' },
  H: { pattern: '(\\d{1,2})', key: 'H' },
  M: { pattern: '(\\d{1,2})', key: 'M' },
  S: { pattern: '(\\d{1,2})', key: 'S' },
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function parseFormatted(text: string, format: string): TimeRequest {
  const keys: string[] = [];
  let pattern = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] ?? '';
    const next = format[i + 1];
    if (ch === '%' && next !== undefined) {
      i++;
      if (next === '%') {
        pattern += '%';
        continue;
      }
      const field = FIELDS[next];
      if (field === undefined) throw new TimeFormatError(`unsupported time format directive %${next}`);
      pattern += field.pattern;
      keys.push(field.key);
    } else {
      pattern += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  const match = new RegExp(`^${pattern}$`).exec(text);
  if (match === null) throw new TimeFormatError(`time data '${text}' does not match format '${format}'`);
  const parts: Record<string, number> = { Y: 1900, m: 1, d: 1, H: 0, M: 0, S: 0 };
  keys.forEach((key, index) => {
    const value = Number(match[index + 1]);
    if (key === 'y') parts['Y'] = value < 69 ? 2000 + value : 1900 + value;
    else parts[key] = value;
  });
  const [Y, m, d, H, M, S] = [parts['Y'] ?? 1900, parts['m'] ?? 1, parts['d'] ?? 1, parts['H'] ?? 0, parts['M'] ?? 0, parts['S'] ?? 0];
  const date = new Date(Y, m - 1, d, H, M, S);
  return { kind: 'at', touchStamp: `${pad(Y, 4)}${pad(m)}${pad(d)}${pad(H)}${pad(M)}.${pad(S)}`, epoch: date.getTime() / 1000 };
}

/** Ansible defaults: 'now' for state=touch, 'preserve' otherwise. */
export function parseTimeOption(value: string | null, format: string, state: string): TimeRequest {
  const effective = value ?? (state === 'touch' ? 'now' : 'preserve');
  if (effective === 'now') return { kind: 'now' };
  if (effective === 'preserve') return { kind: 'preserve' };
  return parseFormatted(effective, format);
}
