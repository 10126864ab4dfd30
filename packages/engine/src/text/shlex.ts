/**
 * The one word splitter: Python's shlex.split in POSIX mode, which Ansible
 * uses for INI host lines (with comments), ssh args, become flags and
 * $EDITOR. Single quotes are literal; inside double quotes a backslash escapes
 * only `"` and `\`; outside quotes it escapes any character.
 */
export class ShlexError extends Error {
  constructor(message: 'No closing quotation' | 'No escaped character') {
    super(message);
    this.name = 'ShlexError';
  }
}

export interface ShlexOptions {
  /** `#` starts a comment that runs to the end of the text, even mid-word (shlex comments=True). */
  comments?: boolean;
}

const WHITESPACE = ' \t\r\n';

export function shlexSplit(text: string, options: ShlexOptions = {}): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (WHITESPACE.includes(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i += 1;
    } else if (c === '#' && options.comments === true) {
      break;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) throw new ShlexError('No closing quotation');
      word += text.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      i += 1;
      for (;;) {
        if (i >= text.length) throw new ShlexError('No closing quotation');
        const d = text[i] as string;
        if (d === '"') break;
        if (d === '\\' && i + 1 < text.length && (text[i + 1] === '"' || text[i + 1] === '\\')) {
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
      if (i + 1 >= text.length) throw new ShlexError('No escaped character');
      word += text[i + 1];
      inWord = true;
      i += 2;
    } else {
      word += c;
      inWord = true;
      i += 1;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** A command line ($EDITOR, $PAGER) as argv, or undefined when it does not split. */
export function splitCommandLine(text: string): string[] | undefined {
  try {
    return shlexSplit(text);
  } catch (err) {
    if (err instanceof ShlexError) return undefined;
    throw err;
  }
}
