import { TsibleError } from '../errors/tsible-error.js';

/**
 * Splits a command-line string into words as Python's shlex.split does
 * (Ansible uses it for ssh args and become flags): single quotes, double
 * quotes in which a backslash escapes only `"` and `\`, and backslash
 * outside quotes. No comments, no expansion.
 */
export function shellSplit(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end === -1) throw unterminated(text, 'single');
      word += text.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      i += 1;
      for (;;) {
        if (i >= text.length) throw unterminated(text, 'double');
        const d = text[i]!;
        if (d === '"') break;
        if (d === '\\' && i + 1 < text.length && '"\\'.includes(text[i + 1]!)) {
          word += text[i + 1];
          i += 2;
        } else {
          word += d;
          i += 1;
        }
      }
      inWord = true;
      i += 1;
    } else if (c === '\\') {
      if (i + 1 < text.length && text[i + 1] !== '\n') word += text[i + 1];
      inWord = true;
      i += 2;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i += 1;
    } else {
      word += c;
      inWord = true;
      i += 1;
    }
  }
  if (inWord) words.push(word);
  return words;
}

function unterminated(text: string, kind: string): TsibleError {
  return new TsibleError(`unterminated ${kind} quote in: ${text}`, { code: 'TSIBLE_SHELL_SPLIT', exitCode: 5 });
}
