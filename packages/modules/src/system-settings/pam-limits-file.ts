/**
 * limits.conf edited line by line as community.general.pam_limits does:
 * a `domain type item value` line for the same triple is rewritten (or kept
 * when use_max/use_min say so), else the limit is appended.
 */

export class LimitsError extends Error {}

const UNLIMITED = ['unlimited', 'infinity', '-1'];
const pyRepr = (text: string): string => (text.includes("'") && !text.includes('"') ? `"${text}"` : `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`);

export function assertValidValue(item: string, value: string, prefix = ''): void {
  if (item === 'nice' || item === 'priority') {
    const n = /^\s*[-+]?\d+\s*$/.test(value) ? Number(value) : NaN;
    if (!(n >= -20 && n <= 19)) {
      throw new LimitsError(
        `${prefix} Value of ${pyRepr(value)} for item ${pyRepr(item)} is invalid. Value must be a number in the range -20 to 19 inclusive. Refer to the limits.conf(5) manual pages for more details.`,
      );
    }
  } else if (!(UNLIMITED.includes(value) || /^\d+$/.test(value))) {
    throw new LimitsError(
      `${prefix} Value of ${pyRepr(value)} for item ${pyRepr(item)} is invalid. Value must either be 'unlimited', 'infinity' or -1, all of which indicate no limit, or a limit of 0 or larger. Refer to the limits.conf(5) manual pages for more details.`,
    );
  }
}

export interface Limit {
  domain: string;
  type: string;
  item: string;
  value: string;
  useMax: boolean;
  useMin: boolean;
  comment: string;
}

export interface LimitsEdit {
  content: string;
  changed: boolean;
  /** The line that now holds the limit (Ansible's msg). */
  message: string;
}

/** The edit, kept line for line as Ansible writes it (including how a comment carries over from earlier lines). */
export function editLimits(before: string, limit: Limit, file: string): LimitsEdit {
  let changed = false;
  let found = false;
  let message = '';
  let newValue = limit.value;
  let newComment = limit.comment;
  const out: string[] = [];
  for (const line of before.match(/[^\n]*\n|[^\n]+$/g) ?? []) {
    if (line.startsWith('#')) {
      out.push(line);
      continue;
    }
    const squeezed = line.replace(/\s+/g, ' ').trim();
    if (squeezed === '') {
      out.push(line);
      continue;
    }
    const hash = line.indexOf('#');
    const oldComment = hash >= 0 ? line.slice(hash + 1) : '';
    if (newComment === '') newComment = oldComment;
    const fields = squeezed.split('#')[0]?.trimEnd().split(' ') ?? [];
    if (fields.length !== 4) {
      out.push(line);
      continue;
    }
    const [domain = '', type = '', item = '', actual = ''] = fields;
    assertValidValue(item, actual, `Invalid configuration found in '${file}'.`);
    if (domain !== limit.domain || type !== limit.type || item !== limit.item) {
      out.push(line);
      continue;
    }
    found = true;
    if (limit.value === actual) {
      message = line;
      out.push(line);
      continue;
    }
    // Ansible tests the type here (not the item), so nice/priority values count "unlimited" too.
    const actualUnlimited = UNLIMITED.includes(actual);
    const valueUnlimited = UNLIMITED.includes(limit.value);
    if (limit.useMax) newValue = actualUnlimited ? actual : valueUnlimited ? limit.value : String(Math.max(Number(limit.value), Number(actual)));
    if (limit.useMin) {
      newValue = actualUnlimited && valueUnlimited ? actual : actualUnlimited ? limit.value : valueUnlimited ? actual : String(Math.min(Number(limit.value), Number(actual)));
    }
    if (newValue !== actual) {
      changed = true;
      if (newComment !== '') newComment = `\t#${newComment}`;
      message = `${limit.domain}\t${limit.type}\t${limit.item}\t${newValue}${newComment}\n`;
      out.push(message);
    } else {
      message = line;
      out.push(line);
    }
  }
  if (!found) {
    changed = true;
    if (newComment !== '') newComment = `\t#${newComment}`;
    message = `${limit.domain}\t${limit.type}\t${limit.item}\t${newValue}${newComment}\n`;
    out.push(message);
  }
  return { content: out.join(''), changed, message };
}
