/** Python's bytes.strip() set: what Ansible trims around a password read from a file. */
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d, 0x0b, 0x0c]);
const LINE_ENDS = new Set([0x0a, 0x0d]);

function stripSet(bytes: Buffer, set: Set<number>): Buffer {
  let start = 0;
  let end = bytes.length;
  while (start < end && set.has(bytes[start] as number)) start++;
  while (end > start && set.has(bytes[end - 1] as number)) end--;
  return bytes.subarray(start, end);
}

export const stripWhitespace = (bytes: Buffer): Buffer => stripSet(bytes, WHITESPACE);
export const stripLineEnds = (bytes: Buffer): Buffer => stripSet(bytes, LINE_ENDS);
