import { execFileSync } from 'node:child_process';
import { pythonToExtendedRegex } from './python-ere.js';

/** Whether grep -E finds the line, as the target will. */
function grepMatches(pattern: string, line: string): boolean {
  try {
    execFileSync('grep', ['-Eq', '--', pythonToExtendedRegex(pattern)], { input: `${line}\n` });
    return true;
  } catch {
    return false;
  }
}

describe('pythonToExtendedRegex', () => {
  it('spells class escapes, groups and lazy quantifiers the ERE way', () => {
    expect(pythonToExtendedRegex('v(\\d+)\\.\\d+')).toBe('v([0-9]+)\\.[0-9]+');
    expect(pythonToExtendedRegex('(?P<word>\\w+)\\s(?:a|b)')).toBe('([[:alnum:]_]+)[[:space:]](a|b)');
    expect(pythonToExtendedRegex('a.*?b+?c??')).toBe('a.*b+c?');
    expect(pythonToExtendedRegex('\\Aready\\Z')).toBe('^ready$');
    expect(pythonToExtendedRegex('[\\d\\s.]+[^\\w]')).toBe('[0-9[:space:].]+[^[:alnum:]_]');
    expect(pythonToExtendedRegex('\\\\d and \\?')).toBe('\\\\d and \\?');
  });

  it.each([
    ['ready v\\d+', '220 mail ready v42', true],
    ['ready v\\d+', '220 mail ready vX', false],
    ['^SSH-2\\.0-(?P<impl>\\w+)', 'SSH-2.0-OpenSSH_9.2', true],
    ['^SSH-2\\.0-(?P<impl>\\w+)', 'xSSH-2.0-OpenSSH', false],
    ['state:\\s+(?:up|ready)', 'state:   ready', true],
    ['[\\]x]', 'a]b', true],
    ['a[\\\\]b', 'a\\b', true],
    ['a.*?b', 'axxb', true],
  ])('%s on %s: %s', (pattern, line, expected) => {
    expect(grepMatches(pattern, line)).toBe(expected);
  });
});
