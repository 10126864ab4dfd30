import { TemplateRuntimeError } from '../jinja/runtime-error.js';

/** Translate a Python `re` pattern to a JavaScript RegExp (named groups, \A, \Z, inline flags). */
export function pythonRegex(pattern: string, flags: { ignorecase?: boolean; multiline?: boolean; global?: boolean } = {}): RegExp {
  let source = pattern;
  let f = '';
  const inline = /^\(\?([aiLmsux]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    if (inline[1]?.includes('i')) f += 'i';
    if (inline[1]?.includes('m')) f += 'm';
    if (inline[1]?.includes('s')) f += 's';
  }
  source = source
    .replace(/\(\?P<([A-Za-z_][A-Za-z0-9_]*)>/g, '(?<$1>')
    .replace(/\(\?P=([A-Za-z_][A-Za-z0-9_]*)\)/g, '\\k<$1>')
    .replace(/\\A/g, '^')
    .replace(/\\Z/g, '$(?![\\s\\S])');
  if (flags.ignorecase && !f.includes('i')) f += 'i';
  if (flags.multiline && !f.includes('m')) f += 'm';
  if (flags.global) f += 'g';
  try {
    return new RegExp(source, f + 'u');
  } catch {
    try {
      return new RegExp(source, f);
    } catch (err) {
      throw new TemplateRuntimeError(`invalid regular expression ${JSON.stringify(pattern)}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

/** Expand a Python replacement template (\1, \g<1>, \g<name>, \n) for one match. */
export function expandReplacement(template: string, match: RegExpExecArray): string {
  return template.replace(/\\(?:g<([^>]+)>|(\d{1,2})|(.))/gs, (_m, g: string | undefined, num: string | undefined, esc: string | undefined) => {
    if (g !== undefined) return (/^\d+$/.test(g) ? match[Number(g)] : match.groups?.[g]) ?? '';
    if (num !== undefined) return match[Number(num)] ?? '';
    const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\' };
    return escapes[esc ?? ''] ?? `\\${esc ?? ''}`;
  });
}

/** Python's re.escape (3.7+): escapes regex metacharacters and whitespace. */
export function regexEscape(s: string): string {
  return s.replace(/[()[\]{}?*+\-|^$\\.&~# \t\n\r\v\f]/g, (c) => {
    const named: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r', '\v': '\\v', '\f': '\\f' };
    return named[c] ?? `\\${c}`;
  });
}
