import { shellSplit } from '../shell-split.js';

/**
 * What the ssh command-line arguments in ansible_ssh_args /
 * ansible_ssh_common_args / ansible_ssh_extra_args ask for. As with ssh, the
 * first value given for an option wins.
 */
export interface SshArgs {
  /** `-o Name=value` options, names lower-cased. */
  options: Record<string, string>;
  identityFiles: string[];
  port?: string | undefined;
  user?: string | undefined;
  configFile?: string | undefined;
  /** Flags this client does not act on (reported at -vvvv). */
  ignored: string[];
}

const FLAGS_WITH_VALUE = new Set('bcDEeILmOQRSWwB'.split(''));
const FLAGS_WITHOUT_VALUE = new Set('46AaCfGgKkMNnqsTtVvXxYy'.split(''));

export function emptySshArgs(): SshArgs {
  return { options: {}, identityFiles: [], ignored: [] };
}

// The same few argument strings come back for every host and every task: split each once.
const splitWords = new Map<string, readonly string[]>();

function splitOnce(text: string): readonly string[] {
  let words = splitWords.get(text);
  if (words === undefined) {
    words = shellSplit(text);
    splitWords.set(text, words);
  }
  return words;
}

/** Parses several argument strings, earlier strings taking precedence. */
export function parseSshArgs(...texts: (string | undefined)[]): SshArgs {
  const result = emptySshArgs();
  for (const text of texts) {
    if (text !== undefined && text.trim() !== '') addWords(result, splitOnce(text));
  }
  return result;
}

/** Adds parsed words of one ssh command line (without the program name). */
export function addWords(result: SshArgs, words: readonly string[]): string[] {
  const operands: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i]!;
    if (!word.startsWith('-') || word.length < 2) {
      operands.push(word);
      continue;
    }
    const flag = word[1]!;
    const attached = word.slice(2);
    const takeValue = (): string | undefined => (attached !== '' ? attached : words[++i]);
    if (flag === 'o') setOption(result, takeValue());
    else if (flag === 'J') setOption(result, `ProxyJump=${takeValue() ?? ''}`);
    else if (flag === 'i') pushDefined(result.identityFiles, takeValue());
    else if (flag === 'p') result.port ??= takeValue();
    else if (flag === 'l') result.user ??= takeValue();
    else if (flag === 'F') result.configFile ??= takeValue();
    else if (FLAGS_WITH_VALUE.has(flag)) result.ignored.push(`${word} ${takeValue() ?? ''}`.trim());
    else if (FLAGS_WITHOUT_VALUE.has(flag)) result.ignored.push(word);
    else result.ignored.push(word);
  }
  return operands;
}

function setOption(result: SshArgs, text: string | undefined): void {
  if (text === undefined) return;
  const match = /^\s*([A-Za-z0-9]+)\s*(?:=\s*|\s+)(.*)$/s.exec(text);
  if (!match) return;
  const name = match[1]!.toLowerCase();
  if (name === 'identityfile') pushDefined(result.identityFiles, match[2]);
  else if (!(name in result.options)) result.options[name] = match[2]!.trim();
}

function pushDefined(list: string[], value: string | undefined): void {
  if (value !== undefined && value !== '') list.push(value);
}
