/**
 * Expands host ranges the way Ansible does: `web[01:03]` gives web01..web03
 * (leading zeros keep their width), `db-[a:c]` gives letters, `n[0:20:5]`
 * steps, and several ranges in one name multiply out left to right.
 */
export class HostRangeError extends Error {}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Refuse absurd expansions instead of exhausting memory. */
const MAX_HOSTS = 1_000_000;

export function hasRange(name: string): boolean {
  return name.includes('[');
}

function pyInt(text: string): number {
  const t = text.trim().replace(/_/g, '');
  if (!/^[+-]?\d+$/.test(t)) throw new HostRangeError(`invalid literal for int() with base 10: '${text}'`);
  return Number(t);
}

export function expandHostRange(name: string, budget = { left: MAX_HOSTS }): string[] {
  if (!hasRange(name)) return [name];
  // Python replaces the first '[' and the first ']' with '|' and unpacks three parts.
  const parts = name.replace('[', '|').replace(']', '|').split('|');
  if (parts.length < 3) throw new HostRangeError(`not enough values to unpack (expected 3, got ${parts.length})`);
  if (parts.length > 3) throw new HostRangeError('too many values to unpack (expected 3)');
  const [head, nrange, tail] = parts as [string, string, string];
  const bounds = nrange.split(':');
  if (bounds.length !== 2 && bounds.length !== 3) throw new HostRangeError('host range must be begin:end or begin:end:step');
  let beg = bounds[0] as string;
  const end = bounds[1] as string;
  const step = bounds.length === 3 ? pyInt(bounds[2] as string) : 1;
  if (!beg) beg = '0';
  if (!end) throw new HostRangeError('host range must specify end value');
  let fill = (x: string | number): string => String(x);
  if (beg[0] === '0' && beg.length > 1) {
    const width = beg.length;
    if (width !== end.length) throw new HostRangeError('host range must specify equal-length begin and end formats');
    fill = (x) => String(x).padStart(width, '0');
  }
  let seq: Array<string | number>;
  // Substring search, as Python's str.index does.
  const iBeg = LETTERS.indexOf(beg);
  const iEnd = LETTERS.indexOf(end);
  if (iBeg >= 0 && iEnd >= 0) {
    if (iBeg > iEnd) throw new HostRangeError('host range must have begin <= end');
    if (step === 0) throw new HostRangeError('slice step cannot be zero');
    seq = [];
    if (step > 0) for (let i = iBeg; i <= iEnd; i += step) seq.push(LETTERS[i] as string);
  } else {
    const from = pyInt(beg);
    const to = pyInt(end) + 1;
    if (step === 0) throw new HostRangeError('range() arg 3 must not be zero');
    seq = [];
    if (step > 0) {
      for (let i = from; i < to; i += step) {
        if (--budget.left < 0) throw new HostRangeError(`host range expands to more than ${MAX_HOSTS} hosts`);
        seq.push(i);
      }
    } else {
      for (let i = from; i > to; i += step) {
        if (--budget.left < 0) throw new HostRangeError(`host range expands to more than ${MAX_HOSTS} hosts`);
        seq.push(i);
      }
    }
  }
  const hosts: string[] = [];
  for (const item of seq) {
    const hname = `${head}${fill(item)}${tail}`;
    if (hasRange(hname)) hosts.push(...expandHostRange(hname, budget));
    else hosts.push(hname);
  }
  return hosts;
}
