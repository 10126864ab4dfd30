/**
 * Python's shlex.split() in POSIX mode, which Ansible's command module uses to
 * turn a free-form command line into argv (no shell, no expansion).
 */
export class ShlexError extends Error {}

const WHITESPACE = ' \t\r\n';

export function shlexSplit(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line.charAt(i);
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\') {
        if (i + 1 >= line.length) throw new ShlexError('No closing quotation');
        const next = line.charAt(++i);
        // Inside double quotes a backslash escapes only `"` and itself.
        word += next === '"' || next === '\\' ? next : `\\${next}`;
      } else word += c;
    } else if (c === '\\') {
      if (i + 1 >= line.length) throw new ShlexError('No escaped character');
      word += line.charAt(++i);
      inWord = true;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (WHITESPACE.includes(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote !== null) throw new ShlexError('No closing quotation');
  if (inWord) words.push(word);
  return words;
}
