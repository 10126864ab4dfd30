import { compilePythonRegex, expandTemplate } from './python-regex.js';

export interface ReplaceRequest {
  regexp: string;
  replace: string;
  after: string | null;
  before: string | null;
}

export type ReplaceEditResult =
  | { sectionFound: true; result: string; count: number; changed: boolean }
  | { sectionFound: false; pattern: string };

/**
 * Ansible 2.14 replace: re.subn with MULTILINE over the whole text, or over
 * the part between `after` and `before` (a DOTALL search).
 */
export function replaceEdit(contents: string, request: ReplaceRequest): ReplaceEditResult {
  let pattern = '';
  if (request.after && request.before) pattern = `${request.after}(?P<subsection>.*?)${request.before}`;
  else if (request.after) pattern = `${request.after}(?P<subsection>.*)`;
  else if (request.before) pattern = `(?P<subsection>.*)${request.before}`;
  let section = contents;
  let start = 0;
  let end = contents.length;
  if (pattern !== '') {
    const match = compilePythonRegex(pattern, { dotAll: true, extraFlags: 'd' }).exec(contents);
    const indices = match?.indices?.groups?.['subsection'];
    if (match === null || indices === undefined) return { sectionFound: false, pattern };
    [start, end] = indices;
    section = contents.slice(start, end);
  }
  let count = 0;
  const re = compilePythonRegex(request.regexp, { multiline: true, extraFlags: 'g' });
  let replaced = '';
  let last = 0;
  for (const match of section.matchAll(re)) {
    replaced += section.slice(last, match.index) + expandTemplate(request.replace, match);
    last = match.index + match[0].length;
    count += 1;
  }
  replaced += section.slice(last);
  if (count === 0 || replaced === section) return { sectionFound: true, result: contents, count, changed: false };
  return { sectionFound: true, result: contents.slice(0, start) + replaced + contents.slice(end), count, changed: true };
}
