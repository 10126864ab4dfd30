import { joinArgs, splitArgs } from './split-args.js';

/**
 * Ansible's parse_kv(): `a=1 b="two words"` to a mapping. With `rawKeys`
 * (free-form modules such as command), only those keys are taken out and
 * every other word stays in `_raw_params`, exactly as written.
 */

const ESCAPE = /\\U[0-9a-fA-F]{8}|\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}|\\N\{[^}]+\}|\\[\\'"abfnrtv]/g;
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/** Python's unicode-escape decoding of the escapes Ansible recognises. */
function decodeEscapes(text: string): string {
  return text.replace(ESCAPE, (match) => {
    const kind = match.charAt(1);
    if (kind === 'U' || kind === 'u' || kind === 'x') return String.fromCodePoint(Number.parseInt(match.slice(2), 16));
    if (kind === 'N') return match; // Unicode names need a name table; kept literally.
    return SIMPLE_ESCAPES[kind] ?? match;
  });
}

function isQuoted(text: string): boolean {
  return text.length > 1 && text.charAt(0) === text.charAt(text.length - 1) && (text.charAt(0) === '"' || text.charAt(0) === "'") && text.charAt(text.length - 2) !== '\\';
}

export function unquote(text: string): string {
  return isQuoted(text) ? text.slice(1, -1) : text;
}

/** Index of the first `=` not preceded by a backslash (never position 0), or -1. */
function separatorIndex(word: string): number {
  for (let pos = word.indexOf('=', 1); pos >= 0; pos = word.indexOf('=', pos + 1)) {
    if (word.charAt(pos - 1) !== '\\') return pos;
  }
  return -1;
}

export function parseKv(args: string, rawKeys?: readonly string[]): Record<string, string> {
  const options: Record<string, string> = {};
  const raw: string[] = [];
  for (const original of splitArgs(args)) {
    const word = decodeEscapes(original);
    if (!word.includes('=')) {
      raw.push(original);
      continue;
    }
    const pos = separatorIndex(word);
    if (pos < 0) {
      raw.push(word.replace(/\\=/g, '='));
      continue;
    }
    const key = word.slice(0, pos);
    if (rawKeys !== undefined && !rawKeys.includes(key)) raw.push(original);
    else options[key.trim()] = unquote(word.slice(pos + 1).trim());
  }
  if (raw.length > 0) options['_raw_params'] = joinArgs(raw);
  return options;
}
