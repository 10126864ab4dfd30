/**
 * sysctl.conf handling as Ansible's sysctl module does it: `key = value`
 * lines read with the last one winning, written back stripped, each key once
 * (the wanted one set or dropped), comments and blank lines kept.
 */

const isComment = (line: string): boolean => line === '' || line.startsWith('#') || line.startsWith(';') || !line.includes('=');

function splitEntry(line: string): [string, string] {
  const eq = line.indexOf('=');
  return [line.slice(0, eq).trim(), line.slice(eq + 1).trim()];
}

/** The value the file gives the key (the last assignment), or null. */
export function fileValue(content: string, name: string): string | null {
  let value: string | null = null;
  for (const raw of content.split('\n')) {
    const line = raw.trim();
    if (isComment(line)) continue;
    const [k, v] = splitEntry(line);
    if (k === name) value = v;
  }
  return value;
}

/** The file's new content: every line stripped, each key once, the wanted key set or removed. */
export function fixedContent(content: string, name: string, value: string | null): string {
  const lines = content === '' ? [] : content.replace(/\n$/, '').split('\n').map((l) => l.trim());
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of lines) {
    if (isComment(line)) {
      out.push(line);
      continue;
    }
    const [k, v] = splitEntry(line);
    if (seen.has(k)) continue;
    seen.add(k);
    if (k !== name) out.push(`${k}=${v}`);
    else if (value !== null) out.push(`${k}=${value}`);
  }
  if (!seen.has(name) && value !== null) out.push(`${name}=${value}`);
  return out.map((l) => `${l}\n`).join('');
}

const TRUE_WORDS = ['y', 'yes', 'on', '1', 'true', 't'];
const FALSE_WORDS = ['n', 'no', 'off', '0', 'false', 'f'];

/** The value option normalised as Ansible does: booleans to 1/0, other text stripped. */
export function normaliseValue(value: string | null): string {
  if (value === null) return '';
  if (TRUE_WORDS.includes(value.toLowerCase())) return '1';
  if (FALSE_WORDS.includes(value.toLowerCase())) return '0';
  return value.trim();
}

/** Values compare word by word (the kernel prints tabs where the file has spaces). */
export function sameValue(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return false;
  const wa = a.split(/\s+/).filter((w) => w !== '');
  const wb = b.split(/\s+/).filter((w) => w !== '');
  return wa.length === wb.length && wa.every((w, i) => w === wb[i]);
}
