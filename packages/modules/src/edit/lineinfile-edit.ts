import { compilePythonRegex, expandTemplate } from './python-regex.js';
import { readLines, stripLineEnd, textToBinary } from './byte-lines.js';

/** lineinfile's decision on the controller; everything in binary (latin1) strings. */
export interface LineEditResult {
  lines: string[];
  changed: boolean;
  msg: string;
  /** Lines removed (state=absent). */
  found: number;
}

export interface PresentRequest {
  regexp: string | null;
  searchString: string | null;
  line: string;
  insertafter: string | null;
  insertbefore: string | null;
  backrefs: boolean;
  firstmatch: boolean;
}

const LINESEP = '\n';
const endsWithNewline = (line: string | undefined): boolean => line !== undefined && (line.endsWith('\n') || line.endsWith('\r'));

/** Ansible 2.14 lineinfile present(): where the line goes, or which line it replaces. */
export function lineinfilePresent(content: string, request: PresentRequest): LineEditResult {
  const lines = readLines(content);
  const line = textToBinary(request.line);
  const insertafter = request.insertbefore === null && request.insertafter === null ? 'EOF' : request.insertafter;
  const { insertbefore, regexp, searchString, firstmatch } = request;
  const lineRe = regexp === null ? null : compilePythonRegex(textToBinary(regexp));
  let insertRe: RegExp | null = null;
  if (insertafter !== null && insertafter !== 'BOF' && insertafter !== 'EOF') insertRe = compilePythonRegex(textToBinary(insertafter));
  else if (insertbefore !== null && insertbefore !== 'BOF') insertRe = compilePythonRegex(textToBinary(insertbefore));

  let found = -1;
  let insertAt = -1;
  let match: RegExpExecArray | boolean | null = null;
  if (lineRe !== null) {
    for (const [index, current] of lines.entries()) {
      const m = lineRe.exec(current);
      if (m !== null) {
        found = index;
        match = m;
        if (firstmatch) break;
      }
    }
  }
  if (searchString !== null) {
    const needle = textToBinary(searchString);
    for (const [index, current] of lines.entries()) {
      if (current.includes(needle)) {
        found = index;
        match = true;
        if (firstmatch) break;
      }
    }
  }
  if (match === null) {
    for (const [index, current] of lines.entries()) {
      if (line === stripLineEnd(current)) {
        found = index;
      } else if (insertRe !== null && insertRe.test(current)) {
        if (insertafter !== null) {
          insertAt = index + 1;
          if (firstmatch) break;
        }
        if (insertbefore !== null) {
          insertAt = index;
          if (firstmatch) break;
        }
      }
    }
  }

  const added = (): LineEditResult => ({ lines, changed: true, msg: 'line added', found: 0 });
  const unchanged = (): LineEditResult => ({ lines, changed: false, msg: '', found: 0 });
  if (found !== -1) {
    let newLine = request.backrefs && typeof match === 'object' && match !== null ? expandTemplate(line, match) : line;
    if (!newLine.endsWith(LINESEP)) newLine += LINESEP;
    if (lines[found] !== newLine) {
      lines[found] = newLine;
      return { lines, changed: true, msg: 'line replaced', found: 0 };
    }
    return unchanged();
  }
  if (request.backrefs) return unchanged();
  if (insertbefore === 'BOF' || insertafter === 'BOF') {
    lines.unshift(line + LINESEP);
    return added();
  }
  if (insertafter === 'EOF' || insertAt === -1) {
    if (lines.length > 0 && !endsWithNewline(lines[lines.length - 1])) lines.push(LINESEP);
    lines.push(line + LINESEP);
    return added();
  }
  if (insertafter !== null) {
    if (lines.length === insertAt) {
      if (stripLineEnd(lines[insertAt - 1] ?? '') !== line) {
        lines.push(line + LINESEP);
        return added();
      }
      return unchanged();
    }
    if (line !== stripLineEnd(lines[insertAt] ?? '')) {
      lines.splice(insertAt, 0, line + LINESEP);
      return added();
    }
    return unchanged();
  }
  lines.splice(insertAt, 0, line + LINESEP);
  return added();
}

/** Ansible 2.14 lineinfile absent(): every matching line goes. */
export function lineinfileAbsent(content: string, request: { regexp: string | null; searchString: string | null; line: string | null }): LineEditResult {
  const lines = readLines(content);
  const re = request.regexp === null ? null : compilePythonRegex(textToBinary(request.regexp));
  const needle = request.searchString === null ? null : textToBinary(request.searchString);
  const line = request.line === null ? null : textToBinary(request.line);
  const matches = (current: string): boolean => {
    if (re !== null) return re.test(current);
    if (needle !== null) return current.includes(needle);
    return line === stripLineEnd(current);
  };
  const kept = lines.filter((current) => !matches(current));
  const found = lines.length - kept.length;
  return { lines: kept, changed: found > 0, msg: found > 0 ? `${found} line(s) removed` : '', found };
}
