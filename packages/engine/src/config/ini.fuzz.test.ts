import fc from 'fast-check';
import { TsibleError } from '../errors/tsible-error.js';
import { parseIni } from './ini.js';

const iniLine = fc.oneof(
  fc.constantFrom('[defaults]', '[inventory]', '[DEFAULT]', '# comment', '; comment', '', '   ', '\t'),
  fc.tuple(fc.constantFrom('', ' ', '  '), fc.stringMatching(/^[a-z_]{0,8}$/), fc.constantFrom('=', ':', ' = ', ''), fc.string({ maxLength: 12 }), fc.constantFrom('', ' ; c', ';x', ' # h')).map((parts) => parts.join('')),
  fc.string({ maxLength: 20 }),
);

describe('ini parser under random input', () => {
  it('returns sections or fails with a located TsibleError, never anything else', () => {
    fc.assert(
      fc.property(fc.array(iniLine, { maxLength: 15 }), (lines) => {
        try {
          const ini = parseIni(lines.join('\n'), 'fuzz.cfg');
          for (const entries of ini.sections.values()) {
            for (const [key, entry] of entries) {
              expect(key).toBe(key.toLowerCase());
              expect(entry.line).toBeGreaterThanOrEqual(1);
              expect(entry.value).toBe(entry.value.trimEnd());
            }
          }
        } catch (err) {
          if (!(err instanceof TsibleError)) throw err;
          expect(err.location?.file).toBe('fuzz.cfg');
          expect(err.exitCode).toBe(5);
        }
      }),
      { numRuns: 500 },
    );
  });
});
