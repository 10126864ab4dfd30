import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { applySymbolicMode, ModeError, parseModeOption } from './mode.js';

describe('parseModeOption', () => {
  it('takes ints as they are (YAML 0644 is 420) and octal strings as octal', () => {
    expect(parseModeOption(420)).toEqual({ kind: 'octal', mode: 0o644 });
    expect(parseModeOption(644)).toEqual({ kind: 'octal', mode: 644 });
    expect(parseModeOption('0644')).toEqual({ kind: 'octal', mode: 0o644 });
    expect(parseModeOption('755')).toEqual({ kind: 'octal', mode: 0o755 });
    expect(parseModeOption(null)).toBeNull();
  });

  it.each(['u=foo', 'z+r', 'rw', 'u+r,,'])('refuses %s', (mode) => {
    expect(() => parseModeOption(mode)).toThrow(ModeError);
  });
});

describe('applySymbolicMode', () => {
  it.each([
    [0o600, 'g+r,o+r', false, 0o644],
    [0o644, 'a-r', false, 0o200],
    [0o640, 'u=rw,g=r,o=', false, 0o640],
    [0o600, 'u+rX', false, 0o600],
    [0o700, 'go+X', false, 0o711],
    [0o600, 'a+X', true, 0o711],
    [0o750, 'o=g', false, 0o755],
    [0o644, 'u+s,+t', false, 0o5644],
    [0o777, '=r', false, 0o444],
  ])('%o with %s (directory %s) is %o', (current, expression, isDir, expected) => {
    expect(applySymbolicMode(current, expression, isDir, 0o022)).toBe(expected);
  });

  it('agrees with chmod for random expressions', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tsible-mode-'));
    try {
      const file = join(dir, 'f');
      const sub = join(dir, 'd');
      writeFileSync(file, '');
      mkdirSync(sub);
      const clause = fc
        .tuple(fc.subarray(['u', 'g', 'o', 'a']), fc.constantFrom('+', '-', '='), fc.subarray(['r', 'w', 'x', 'X', 's', 't']))
        .map(([who, op, perms]) => `${who.join('')}${op}${perms.join('')}`);
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 0o7777 }), fc.array(clause, { minLength: 1, maxLength: 3 }), fc.boolean(), (start, clauses, isDir) => {
          const target = isDir ? sub : file;
          chmodSync(target, start);
          const expression = clauses.join(',');
          // chmod applies the process umask to clauses without a user list, as Ansible does.
          execFileSync('sh', ['-c', 'umask 022; chmod -- "$1" "$2"', 'sh', expression, target]);
          const actual = lstatSync(target).mode & 0o7777;
          // GNU chmod keeps a directory's setuid/setgid bits unless a clause names them; Ansible's arithmetic does not.
          const mask = isDir ? ~0o6000 : ~0;
          expect(applySymbolicMode(start, expression, isDir, 0o022) & mask).toBe(actual & mask);
        }),
        { numRuns: 150 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
