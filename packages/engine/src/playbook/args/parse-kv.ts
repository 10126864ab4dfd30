import { joinArgs, splitArgs } from './split-args.js';

/** Options command-like modules still read from `key=value` when given free-form text. */
const COMMAND_OPTIONS = new Set(['creates', 'removes', 'chdir', 'executable', 'warn', 'stdin', 'stdin_add_newline', 'strip_empty_ends']);

/**
 * Turns `path=/x state=touch` into {path: '/x', state: 'touch'} as Ansible's
 * parse_kv does. Words without `=` are joined into `_raw_params`; with
 * `checkRaw` (free-form modules) only the command options are split off and
 * everything else stays raw text.
 */
export function parseKv(input: string, checkRaw = false): Record<string, string> {
  const options: Record<string, string> = {};
  const raw: string[] = [];
  for (const original of splitArgs(input)) {
    const token = decodeEscapes(original);
    const pos = firstUnescapedEquals(token);
    if (pos === -1) {
      raw.push(token.includes('=') ? token.replace(/\\=/g, '=') : original);
      continue;
    }
    const key = token.slice(0, pos);
    if (checkRaw && !COMMAND_OPTIONS.has(key)) {
      raw.push(original);
      continue;
    }
    options[key.trim()] = unquote(token.slice(pos + 1).trim());
  }
  if (raw.length > 0) options['_raw_params'] = joinArgs(raw);
  return options;
}

/** Position of the first `=` (not at position 0) not preceded by a backslash, or -1. */
function firstUnescapedEquals(token: string): number {
  for (let pos = token.indexOf('=', 1); pos !== -1; pos = token.indexOf('=', pos + 1)) {
    if (token[pos - 1] !== '\\') return pos;
  }
  return -1;
}

/** Strips one pair of matching outer quotes, as Ansible's unquote. */
export function unquote(text: string): string {
  const quoted = text.length > 1 && text[0] === text[text.length - 1] && (text[0] === '"' || text[0] === "'") && text[text.length - 2] !== '\\';
  return quoted ? text.slice(1, -1) : text;
}

const ESCAPE = /\\U[0-9a-fA-F]{8}|\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}|\\[\\'"abfnrtv]/g;
const SIMPLE_ESCAPES: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** Python unicode-escape decoding of the escape sequences Ansible recognises in key=value text. */
function decodeEscapes(text: string): string {
  return text.replace(ESCAPE, (seq) => {
    const kind = seq[1]!;
    if (kind === 'U' || kind === 'u' || kind === 'x') return String.fromCodePoint(parseInt(seq.slice(2), 16));
    return SIMPLE_ESCAPES[kind] ?? seq;
  });
}
