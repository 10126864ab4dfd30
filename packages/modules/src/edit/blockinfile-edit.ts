import { compilePythonRegex, translatePythonRegex } from './python-regex.js';
import { splitLinesKeepEnds, textToBinary } from './byte-lines.js';

/** blockinfile's decision; content in binary (latin1) strings. original null: the file does not exist. */
export interface BlockRequest {
  block: string;
  marker: string;
  markerBegin: string;
  markerEnd: string;
  present: boolean;
  insertafter: string | null;
  insertbefore: string | null;
  /** ansible-core 2.16's blank line before/after the block (off in 2.14, where the options do not exist). */
  prependNewline?: boolean;
  appendNewline?: boolean;
}

export interface BlockEditResult {
  result: string;
  changed: boolean;
  msg: string;
}

const LINESEP = '\n';

/** Python's str.count(sub, 0, end). */
const countNewlines = (text: string, end: number): number => text.slice(0, end).split('\n').length - 1;

/** Ansible 2.14 blockinfile: replace the marked block, or insert it where asked. */
export function blockinfileEdit(original: string | null, request: BlockRequest): BlockEditResult {
  const lines = original === null ? [] : splitLinesKeepEnds(original);
  const insertbefore = request.insertbefore;
  const insertafter = insertbefore === null && request.insertafter === null ? 'EOF' : request.insertafter;
  let insertPattern: string | null = null;
  if (insertafter !== null && insertafter !== 'EOF') insertPattern = insertafter;
  else if (insertbefore !== null && insertbefore !== 'BOF') insertPattern = insertbefore;

  const marker = textToBinary(request.marker);
  const marker0 = marker.split('{mark}').join(textToBinary(request.markerBegin)) + LINESEP;
  const marker1 = marker.split('{mark}').join(textToBinary(request.markerEnd)) + LINESEP;
  let block = textToBinary(request.block);
  let blockLines: string[] = [];
  if (request.present && block !== '') {
    if (!block.endsWith(LINESEP)) block += LINESEP;
    blockLines = [marker0, ...splitLinesKeepEnds(block), marker1];
  }

  let n0: number | null = null;
  let n1: number | null = null;
  lines.forEach((line, index) => {
    if (line === marker0) n0 = index;
    if (line === marker1) n1 = index;
  });
  let at: number;
  if (n0 === null || n1 === null) {
    at = insertionPoint(original ?? '', lines, insertPattern, insertafter, insertbefore);
  } else if (n0 < n1) {
    lines.splice(n0, n1 - n0 + 1);
    at = n0;
  } else {
    lines.splice(n1, n0 - n1 + 1);
    at = n1;
  }
  if (at > 0 && !(lines[at - 1] ?? '').endsWith(LINESEP)) lines[at - 1] += LINESEP;
  if (request.prependNewline === true && request.present && at !== 0 && lines[at - 1] !== LINESEP) {
    lines.splice(at, 0, LINESEP);
    at += 1;
  }
  lines.splice(at, 0, ...blockLines);
  const after = at + blockLines.length;
  if (request.appendNewline === true && request.present && after < lines.length && lines[after] !== LINESEP) lines.splice(after, 0, LINESEP);
  const result = lines.join('');
  if (original === result) return { result, changed: false, msg: '' };
  if (original === null) return { result, changed: true, msg: 'File created' };
  return { result, changed: true, msg: blockLines.length === 0 ? 'Block removed' : 'Block inserted' };
}

function insertionPoint(original: string, lines: readonly string[], pattern: string | null, insertafter: string | null, insertbefore: string | null): number {
  if (pattern === null) return insertbefore !== null ? 0 : lines.length;
  const binaryPattern = textToBinary(pattern);
  let n0: number | null = null;
  if (translatePythonRegex(binaryPattern).multiline) {
    // A (?m) pattern is searched in the whole file; the block goes by the match's line.
    const match = compilePythonRegex(binaryPattern).exec(original);
    if (match !== null) {
      if (insertafter !== null) n0 = countNewlines(original, match.index + match[0].length);
      else if (insertbefore !== null) n0 = countNewlines(original, match.index);
    }
  } else {
    const re = compilePythonRegex(binaryPattern);
    lines.forEach((line, index) => {
      if (re.test(line)) n0 = index;
    });
  }
  if (n0 === null) return lines.length;
  return insertafter !== null ? n0 + 1 : n0;
}
