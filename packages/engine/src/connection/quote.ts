/**
 * THE quoting function for POSIX sh. Every value that reaches a remote (or
 * local) shell goes through `shellQuote`; nothing else builds shell words.
 *
 * Single-quote style: inside '...' nothing is special except `'` itself,
 * which is closed, emitted as \' and reopened. It works on raw bytes, so any
 * byte string without NUL (NUL cannot travel through argv at all) survives
 * byte-exact; strings are taken as UTF-8.
 */

/** A word or script for the shell: text (UTF-8) or raw bytes. */
export type ShellText = string | Buffer;

const QUOTE = 0x27;
const CLOSE_ESCAPE_REOPEN = Buffer.from(`'\\''`);
const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function shellQuote(value: string): string;
export function shellQuote(value: Buffer): Buffer;
export function shellQuote(value: ShellText): ShellText;
export function shellQuote(value: ShellText): ShellText {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  if (bytes.includes(0)) {
    throw new TypeError('a shell word cannot contain a NUL byte');
  }
  const quoted = quoteBytes(bytes);
  return typeof value === 'string' ? quoted.toString('utf8') : quoted;
}

function quoteBytes(bytes: Buffer): Buffer {
  // Plain words stay unquoted so -vvvv logs remain readable.
  if (bytes.length > 0 && SAFE_WORD.test(bytes.toString('latin1'))) return bytes;
  const parts: Buffer[] = [Buffer.from("'")];
  let start = 0;
  for (let i = bytes.indexOf(QUOTE); i !== -1; i = bytes.indexOf(QUOTE, start)) {
    parts.push(bytes.subarray(start, i), CLOSE_ESCAPE_REOPEN);
    start = i + 1;
  }
  parts.push(bytes.subarray(start), Buffer.from("'"));
  return Buffer.concat(parts);
}

/** Joins an argv into one sh command line, each element quoted. */
export function shellJoin(argv: readonly string[]): string;
export function shellJoin(argv: readonly ShellText[]): ShellText;
export function shellJoin(argv: readonly ShellText[]): ShellText {
  if (argv.every((word): word is string => typeof word === 'string')) {
    return argv.map((word) => shellQuote(word)).join(' ');
  }
  return joinBytes(argv.map((word) => shellQuote(word)));
}

/** Concatenates shell fragments; stays a string unless some part is bytes. */
export function joinBytes(parts: readonly ShellText[], separator = ' '): ShellText {
  if (parts.every((part): part is string => typeof part === 'string')) return parts.join(separator);
  const sep = Buffer.from(separator);
  const buffers: Buffer[] = [];
  parts.forEach((part, index) => {
    if (index > 0) buffers.push(sep);
    buffers.push(typeof part === 'string' ? Buffer.from(part, 'utf8') : part);
  });
  return Buffer.concat(buffers);
}
