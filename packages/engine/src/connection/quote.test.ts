import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { shellJoin, shellQuote } from './quote.js';

/** Runs a script given as bytes on sh's stdin, so no Node argv encoding is involved. */
function sh(script: Buffer): Buffer {
  const result = spawnSync('/bin/sh', ['-s'], { input: script });
  expect(result.status).toBe(0);
  return result.stdout;
}

const nonNulBytes = fc.uint8Array({ minLength: 0, maxLength: 64 }).map((bytes) => Buffer.from(bytes.filter((b) => b !== 0)));
const nonNulText = fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !s.includes('\0'));

describe('shellQuote', () => {
  it('leaves plain words readable and quotes everything else', () => {
    expect(shellQuote('/usr/bin/env')).toBe('/usr/bin/env');
    expect(shellQuote('')).toBe("''");
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('$HOME `id` "x"')).toBe(`'$HOME \`id\` "x"'`);
  });

  it('refuses NUL, which no shell word can carry', () => {
    expect(() => shellQuote('a\0b')).toThrow(/NUL/);
  });

  it('round-trips arbitrary bytes through a real sh byte-exact', () => {
    fc.assert(
      fc.property(nonNulBytes, (bytes) => {
        const out = sh(Buffer.concat([Buffer.from("printf '%s' "), shellQuote(bytes), Buffer.from('\n')]));
        expect(out.equals(bytes)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('round-trips arbitrary text (quotes, $, backticks, newlines, unicode) as UTF-8', () => {
    fc.assert(
      fc.property(nonNulText, (text) => {
        const out = sh(Buffer.from(`printf '%s' ${shellQuote(text)}\n`));
        expect(out.equals(Buffer.from(text, 'utf8'))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe('shellJoin', () => {
  it('keeps every argv element a separate word, byte-exact', () => {
    fc.assert(
      fc.property(fc.array(nonNulBytes, { minLength: 1, maxLength: 6 }), (argv) => {
        const joined = shellJoin(argv);
        const script = Buffer.concat([Buffer.from("printf '%s\\0' "), Buffer.from(joined), Buffer.from('\n')]);
        const words = sh(script);
        expect(words.equals(Buffer.concat(argv.flatMap((word) => [word, Buffer.from([0])])))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('returns a string when every word is text', () => {
    expect(shellJoin(['echo', 'a b', "c'd"])).toBe(`echo 'a b' 'c'\\''d'`);
  });
});
