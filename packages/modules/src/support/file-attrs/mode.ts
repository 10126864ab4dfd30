/**
 * File modes as Ansible takes them: an int (YAML 0644 is already 420), an
 * octal string ('0644', '644'), or a symbolic chmod expression ('u=rw,g=r,o=',
 * 'u+rX', 'a-w'), which is resolved against the path's current mode.
 */

export type ModeRequest = { kind: 'octal'; mode: number } | { kind: 'symbolic'; expression: string };

export class ModeError extends Error {}

const PERM_BITS = 0o7777;
const EXEC_BITS = 0o111;

/** Reads the `mode` option; null when the option is unset. */
export function parseModeOption(value: unknown): ModeRequest | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' && Number.isInteger(value)) return { kind: 'octal', mode: value };
  const text = String(value);
  if (/^[0-7]+$/.test(text)) return { kind: 'octal', mode: parseInt(text, 8) };
  validateSymbolic(text);
  return { kind: 'symbolic', expression: text };
}

function badSymbolic(clause: string): ModeError {
  return new ModeError(`bad symbolic permission for mode: ${clause}`);
}

function validateSymbolic(expression: string): void {
  for (const clause of expression.split(',')) {
    const [users = '', ...perms] = clause.split(/[+=-]/);
    if (perms.length === 0 || /[^ugoa]/.test(users) || perms.some((p) => /[^rwxXstugo]/.test(p))) throw badSymbolic(clause);
  }
}

type Who = 'u' | 'g' | 'o';

const EQUALS_MASK: Record<Who, number> = { u: 0o4700, g: 0o2070, o: 0o1007 };

function permBits(who: Who, perm: string, prev: number, applyX: boolean, useUmask: boolean, umask: number): number {
  const shift = who === 'u' ? 6 : who === 'g' ? 3 : 0;
  const keep = useUmask ? ~umask & PERM_BITS : PERM_BITS;
  switch (perm) {
    case 'r':
      return (0o4 << shift) & keep;
    case 'w':
      return (0o2 << shift) & keep;
    case 'x':
      return (0o1 << shift) & keep;
    case 'X':
      return applyX ? 0o1 << shift : 0;
    case 's':
      return who === 'u' ? 0o4000 : who === 'g' ? 0o2000 : 0;
    case 't':
      return who === 'o' ? 0o1000 : 0;
    default: {
      // Copy another class's bits: u, g or o.
      const from = perm === 'u' ? 6 : perm === 'g' ? 3 : 0;
      return ((prev >> from) & 0o7) << shift;
    }
  }
}

/**
 * Resolves a symbolic mode the way Ansible's _symbolic_mode_to_octal does
 * (which follows chmod): an empty user list means `a` but leaves umask bits alone,
 * X applies to directories or when someone already has execute.
 */
export function applySymbolicMode(current: number, expression: string, isDirectory: boolean, umask: number): number {
  let mode = current & PERM_BITS;
  for (const clause of expression.split(',')) {
    const parts = clause.split(/[+=-]/);
    const operators = clause.match(/[+=-]/g) ?? [];
    const userText = parts.shift() ?? '';
    if (operators.length === 0) throw badSymbolic(clause);
    const useUmask = userText === '';
    const users: Who[] = userText === '' || userText.includes('a') ? ['u', 'g', 'o'] : (Array.from(new Set(userText)) as Who[]);
    parts.forEach((perms, index) => {
      if (/[^rwxXstugo]/.test(perms)) throw badSymbolic(clause);
      const operator = operators[index];
      for (const who of users) {
        const applyX = isDirectory || (mode & EXEC_BITS) !== 0;
        let bits = 0;
        for (const perm of perms) bits |= permBits(who, perm, mode, applyX, useUmask, umask);
        if (operator === '=') mode = (mode & (EQUALS_MASK[who] ^ PERM_BITS)) | bits;
        else if (operator === '+') mode |= bits;
        else mode &= ~bits;
      }
    });
  }
  return mode;
}

/** The mode a path ends up with, given its current mode. */
export function resolveMode(request: ModeRequest, current: number, isDirectory: boolean, umask: number): number {
  return request.kind === 'octal' ? request.mode & PERM_BITS : applySymbolicMode(current, request.expression, isDirectory, umask);
}
