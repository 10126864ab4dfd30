/**
 * Ansible's editing modules work on bytes. Holding file content as a latin1
 * ("binary") string gives one character per byte, so regexes and line
 * splitting behave as Python's do on bytes, and the bytes come back unchanged.
 */

export const toBinary = (data: Buffer): string => data.toString('latin1');
export const fromBinary = (text: string): Buffer => Buffer.from(text, 'latin1');
/** A user's text (UTF-8) in the binary form. */
export const textToBinary = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');
/** Binary form back to the text a user reads (diffs, messages). */
export const binaryToText = (text: string): string => Buffer.from(text, 'latin1').toString('utf8');

/** bytes.readlines(): split after each \n, keeping it. */
export function readLines(content: string): string[] {
  const lines = content.split(/(?<=\n)/);
  return lines.length === 1 && lines[0] === '' ? [] : lines;
}

/** bytes.splitlines(True): split after \n, \r or \r\n, keeping them. */
export function splitLinesKeepEnds(content: string): string[] {
  const lines = content.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g);
  return lines === null ? [] : [...lines];
}

/** Python's line.rstrip(b'\r\n'). */
export const stripLineEnd = (line: string): string => line.replace(/[\r\n]+$/, '');
