/**
 * authorized_keys lines as Ansible's authorized_key module reads and writes
 * them: keys are known by their base64 part; comments and lines it cannot
 * parse are kept as they are, in their place.
 */

const KEY_TYPES = new Set([
  'sk-ecdsa-sha2-nistp256@openssh.com',
  'sk-ecdsa-sha2-nistp256-cert-v01@openssh.com',
  'webauthn-sk-ecdsa-sha2-nistp256@openssh.com',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp256-cert-v01@openssh.com',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp384-cert-v01@openssh.com',
  'ecdsa-sha2-nistp521',
  'ecdsa-sha2-nistp521-cert-v01@openssh.com',
  'sk-ssh-ed25519@openssh.com',
  'sk-ssh-ed25519-cert-v01@openssh.com',
  'ssh-ed25519',
  'ssh-ed25519-cert-v01@openssh.com',
  'ssh-dss',
  'ssh-rsa',
  'ssh-xmss@openssh.com',
  'ssh-xmss-cert-v01@openssh.com',
  'rsa-sha2-256',
  'rsa-sha2-512',
  'ssh-rsa-cert-v01@openssh.com',
  'rsa-sha2-256-cert-v01@openssh.com',
  'rsa-sha2-512-cert-v01@openssh.com',
  'ssh-dss-cert-v01@openssh.com',
]);

/** Key options in order; an option may repeat (permitopen twice). */
export type KeyOptions = Array<[string, string | null]>;

export type KeyLine =
  | { kind: 'key'; id: string; type: string; options: KeyOptions; comment: string; rank: number }
  | { kind: 'other'; id: string; line: string; rank: number };

const OPTION_PART = /((?:[^,"']|"[^"]*"|'[^']*')+)/;

export function parseOptions(text: string | null): KeyOptions {
  if (text === null || text === '') return [];
  const options: KeyOptions = [];
  for (const part of text.split(OPTION_PART).slice(1, -1)) {
    const eq = part.indexOf('=');
    if (eq >= 0) options.push([part.slice(0, eq), part.slice(eq + 1)]);
    else if (part !== ',') options.push([part, null]);
  }
  return options;
}

/** One line (or one `key` option line) parsed; undefined when it holds no key of a known type. */
export function parseKey(raw: string, rank: number): KeyLine | undefined {
  const text = raw.replaceAll('\\#', '#');
  const words = text.split(/[ \t\r\n]+/).filter((w) => w !== '');
  if (words[0] === '#') return { kind: 'other', id: text, line: text, rank };
  const typeIndex = words.findIndex((w) => KEY_TYPES.has(w));
  if (typeIndex < 0) return undefined;
  return {
    kind: 'key',
    id: words[typeIndex + 1] ?? '',
    type: words[typeIndex] ?? '',
    options: parseOptions(typeIndex > 0 ? words.slice(0, typeIndex).join(' ') : null),
    comment: words.slice(typeIndex + 2).join(' '),
    rank,
  };
}

/** The file's lines by id, in file order; a repeated key keeps its first place and its last line. */
export function parseKeysFile(content: string): Map<string, KeyLine> {
  const keys = new Map<string, KeyLine>();
  const lines = content.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  lines.forEach((line, rank) => {
    const parsed = parseKey(line, rank) ?? { kind: 'other', id: line, line, rank };
    keys.set(parsed.id, parsed);
  });
  return keys;
}

/** Options compared as Ansible compares them: by name, each name's values in order. */
export function sameOptions(a: KeyOptions, b: KeyOptions): boolean {
  const group = (options: KeyOptions): Map<string, (string | null)[]> => {
    const map = new Map<string, (string | null)[]>();
    for (const [k, v] of options) map.set(k, [...(map.get(k) ?? []), v]);
    return map;
  };
  const ga = group(a);
  const gb = group(b);
  if (ga.size !== gb.size) return false;
  return [...ga].every(([k, values]) => JSON.stringify(values) === JSON.stringify(gb.get(k)));
}

/** Lines written back sorted by rank; a key line is `OPTIONS TYPE KEY COMMENT` (a trailing space when no comment, as Ansible writes it). */
export function serializeKeys(keys: Map<string, KeyLine>): string {
  const ordered = [...keys.values()].map((k, i) => ({ k, i })).sort((a, b) => a.k.rank - b.k.rank || a.i - b.i);
  return ordered
    .map(({ k }) => {
      if (k.kind === 'other') return k.line;
      const options = k.options.length > 0 ? `${k.options.map(([n, v]) => (v === null ? n : `${n}=${v}`)).join(',')} ` : '';
      return `${options}${k.type} ${k.id} ${k.comment}\n`;
    })
    .join('');
}

export interface KeysChange {
  content: string;
  changed: boolean;
}

export class InvalidKeyError extends Error {}

/** Ansible's enforce_state on the file's content. */
export function enforceKeys(
  existingContent: string,
  key: string,
  options: { state: 'present' | 'absent'; keyOptions: string | null; comment: string | null; exclusive: boolean },
): KeysChange {
  const existing = parseKeysFile(existingContent);
  const base = existing.size;
  const wanted: string[] = [];
  let changed = false;
  const newLines = key.split(/\r\n|\n|\r/).filter((line) => line !== '' && !line.startsWith('#'));
  newLines.forEach((line, index) => {
    let parsed = parseKey(line, index);
    if (parsed === undefined) throw new InvalidKeyError(`invalid key specified: ${line}`);
    if (parsed.kind === 'key') {
      if (options.keyOptions !== null) parsed = { ...parsed, options: parseOptions(options.keyOptions) };
      if (options.comment !== null) parsed = { ...parsed, comment: options.comment };
    }
    const current = existing.get(parsed.id);
    const same = current !== undefined && sameLine(current, parsed);
    if (options.state === 'present') {
      wanted.push(parsed.id);
      if (current !== undefined && !same) {
        existing.delete(parsed.id);
        changed = true;
      }
      if (!same) {
        existing.set(parsed.id, { ...parsed, rank: base + parsed.rank });
        changed = true;
      }
    } else if (current !== undefined) {
      existing.delete(parsed.id);
      changed = true;
    }
  });
  if (options.state === 'present' && options.exclusive) {
    for (const id of [...existing.keys()]) {
      if (!wanted.includes(id)) {
        existing.delete(id);
        changed = true;
      }
    }
  }
  return { content: changed ? serializeKeys(existing) : existingContent, changed };
}

function sameLine(a: KeyLine, b: KeyLine): boolean {
  if (a.kind === 'other' || b.kind === 'other') return a.kind === b.kind && a.id === b.id;
  return a.type === b.type && a.comment === b.comment && sameOptions(a.options, b.options);
}
