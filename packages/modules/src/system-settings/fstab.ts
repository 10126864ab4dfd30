/**
 * fstab entries as ansible.posix.mount edits them (Linux layout): the line
 * for the mount point is rewritten when a field differs, appended when there
 * is none, dropped for absent; other lines stay as they are.
 */

export interface FstabEntry {
  src: string;
  name: string;
  fstype: string;
  opts: string;
  dump: string;
  passno: string;
}

/** Space, backslash and & written as octal escapes, as fstab needs. */
export function escapeField(value: string): string {
  return value.replaceAll('\\', '\\134').replaceAll(' ', '\\040').replaceAll('&', '\\046');
}

const LABELS = ['src', 'name', 'fstype', 'opts', 'dump', 'passno'] as const;

function withNewlines(content: string): string[] {
  return (content.match(/[^\n]*\n|[^\n]+$/g) ?? []).map((l) => (l.endsWith('\n') ? l : `${l}\n`));
}

const render = (e: FstabEntry): string => `${e.src} ${e.name} ${e.fstype} ${e.opts} ${e.dump} ${e.passno}\n`;

function isEntryLine(line: string): boolean {
  const fields = line.trim().split(/\s+/);
  return line.trim() !== '' && !line.trim().startsWith('#') && fields.length >= 4 && fields.length <= 6;
}

function matches(fields: string[], wanted: FstabEntry, srcGiven: boolean): boolean {
  const [src = '', name = '', fstype = ''] = fields;
  if (name !== wanted.name) return false;
  // Swap areas share the mount point "none": they are told apart by src.
  return !(srcGiven && name === 'none' && fstype === 'swap' && src !== wanted.src);
}

export function setMount(content: string, args: FstabEntry): { content: string; changed: boolean } {
  const wanted: FstabEntry = { src: escapeField(args.src), name: escapeField(args.name), fstype: escapeField(args.fstype), opts: escapeField(args.opts), dump: escapeField(args.dump), passno: escapeField(args.passno) };
  let exists = false;
  let changed = false;
  const out = withNewlines(content).map((line) => {
    if (!isEntryLine(line)) return line;
    const fields = line.trim().split(/\s+/);
    if (!matches(fields, wanted, true)) return line;
    exists = true;
    // A missing dump or passno never equals the wanted text (Ansible holds them as the number 0), so such a line is rewritten.
    const current: Record<string, string | undefined> = Object.fromEntries(LABELS.map((label, i) => [label, fields[i]]));
    const differs = (['src', 'fstype', 'opts', 'dump', 'passno'] as const).some((k) => current[k] !== wanted[k]);
    if (!differs) return line;
    changed = true;
    return render(wanted);
  });
  if (!exists) {
    out.push(render(wanted));
    changed = true;
  }
  return { content: out.join(''), changed };
}

export function unsetMount(content: string, name: string, src: string | null): { content: string; changed: boolean } {
  const escapedName = escapeField(name);
  let changed = false;
  const out = withNewlines(content).filter((line) => {
    if (!isEntryLine(line)) return true;
    const fields = line.trim().split(/\s+/);
    if (fields[1] !== escapedName) return true;
    if (src !== null && fields[1] === 'none' && fields[2] === 'swap' && fields[0] !== src) return true;
    changed = true;
    return false;
  });
  return { content: out.join(''), changed };
}
