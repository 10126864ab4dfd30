/**
 * Python `re` patterns and replacement templates for JavaScript. Ansible's
 * editing modules take Python regexes; the few places where the syntax or
 * meaning differs are translated here, in one place.
 */

export class PythonRegexError extends Error {}

export interface PythonRegex {
  /** The translated pattern; line anchors and dots are spelled out, so only `i` remains a flag. */
  readonly source: string;
  readonly flags: string;
  /** Python's re.MULTILINE was set inline with (?m). */
  readonly multiline: boolean;
}

const LEADING_FLAGS = /^\(\?([aiLmsux]+)\)/;

/**
 * Translates a Python pattern. `multiline`/`dotAll` are flags the caller
 * compiles with (re.MULTILINE, re.DOTALL), on top of inline ones.
 */
export function translatePythonRegex(pattern: string, options: { multiline?: boolean; dotAll?: boolean } = {}): PythonRegex {
  let body = pattern;
  let multiline = options.multiline === true;
  let dotAll = options.dotAll === true;
  let ignoreCase = false;
  const inline = LEADING_FLAGS.exec(body);
  if (inline !== null) {
    const letters = inline[1] ?? '';
    if (letters.includes('x')) throw new PythonRegexError('verbose regular expressions (?x) are not supported');
    multiline ||= letters.includes('m');
    dotAll ||= letters.includes('s');
    ignoreCase = letters.includes('i');
    body = body.slice(inline[0].length);
  }
  const source = translateBody(body, multiline, dotAll);
  const flags = ignoreCase ? 'i' : '';
  try {
    new RegExp(source, flags);
  } catch (err) {
    throw new PythonRegexError(err instanceof Error ? err.message : String(err));
  }
  return { source, flags, multiline };
}

/** Compiles a Python pattern with extra JS flags (e.g. 'g', 'd'). */
export function compilePythonRegex(pattern: string, options: { multiline?: boolean; dotAll?: boolean; extraFlags?: string } = {}): RegExp {
  const translated = translatePythonRegex(pattern, options);
  return new RegExp(translated.source, translated.flags + (options.extraFlags ?? ''));
}

function translateBody(body: string, multiline: boolean, dotAll: boolean): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i] ?? '';
    if (ch === '\\') {
      const next = body[i + 1] ?? '';
      i += 1;
      if (inClass) out += `\\${next}`;
      else if (next === 'Z') out += '(?![\\s\\S])';
      else if (next === 'A') out += '(?<![\\s\\S])';
      else out += `\\${next}`;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      out += ch;
      // A ']' right after '[' or '[^' is literal in Python, not the class's end.
      if (body[i + 1] === '^') {
        out += '^';
        i += 1;
      }
      if (body[i + 1] === ']') {
        out += '\\]';
        i += 1;
      }
      continue;
    }
    // Python's ^, $ and . know only \n as a line break (JavaScript's also \r, \u2028, \u2029),
    // and without MULTILINE its $ also matches before a newline that ends the string.
    if (ch === '$') {
      out += multiline ? '(?![^\\n])' : '(?=\\n?(?![\\s\\S]))';
      continue;
    }
    if (ch === '^') {
      out += multiline ? '(?<![^\\n])' : '^';
      continue;
    }
    if (ch === '.') {
      out += dotAll ? '[\\s\\S]' : '[^\\n]';
      continue;
    }
    if (body.startsWith('(?P<', i)) {
      out += '(?<';
      i += 3;
      continue;
    }
    if (body.startsWith('(?P=', i)) {
      const end = body.indexOf(')', i);
      out += `\\k<${body.slice(i + 4, end)}>`;
      i = end;
      continue;
    }
    out += ch;
  }
  return out;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', a: '\x07', b: '\b', '\\': '\\' };

/**
 * Python's match.expand / re.sub template: \1, \g<1>, \g<name>, and the
 * usual character escapes; an unmatched group expands to ''.
 */
export function expandTemplate(template: string, match: RegExpExecArray | RegExpMatchArray): string {
  let out = '';
  for (let i = 0; i < template.length; i += 1) {
    const ch = template[i] ?? '';
    if (ch !== '\\' || i + 1 >= template.length) {
      out += ch;
      continue;
    }
    const next = template[i + 1] ?? '';
    if (next === 'g' && template[i + 2] === '<') {
      const end = template.indexOf('>', i + 3);
      if (end === -1) throw new PythonRegexError(`missing >, unterminated name at position ${i + 2}`);
      const ref = template.slice(i + 3, end);
      out += groupText(match, /^\d+$/.test(ref) ? Number(ref) : ref, i);
      i = end;
      continue;
    }
    const digits = /^\d{1,2}/.exec(template.slice(i + 1));
    if (digits !== null) {
      out += groupText(match, Number(digits[0]), i);
      i += digits[0].length;
      continue;
    }
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) out += simple;
    else if (/[A-Za-z]/.test(next)) throw new PythonRegexError(`bad escape \\${next} at position ${i}`);
    else out += `\\${next}`;
    i += 1;
  }
  return out;
}

function groupText(match: RegExpExecArray | RegExpMatchArray, ref: number | string, position: number): string {
  if (typeof ref === 'number') {
    if (ref >= match.length) throw new PythonRegexError(`invalid group reference ${ref} at position ${position + 1}`);
    return match[ref] ?? '';
  }
  const groups = match.groups ?? {};
  if (!(ref in groups)) throw new PythonRegexError(`unknown group name '${ref}'`);
  return groups[ref] ?? '';
}
