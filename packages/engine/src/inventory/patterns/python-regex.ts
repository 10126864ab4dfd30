/**
 * Host patterns starting with `~` are Python regular expressions applied
 * with re.match (anchored at the start only). The common Python-only syntax
 * is rewritten for JavaScript.
 */
export function pythonRegExp(source: string): RegExp {
  const js = source
    .replace(/\(\?P<([A-Za-z_][A-Za-z0-9_]*)>/g, '(?<$1>')
    .replace(/\(\?P=([A-Za-z_][A-Za-z0-9_]*)\)/g, '\\k<$1>')
    .replace(/\\Z/g, '$(?![\\s\\S])')
    .replace(/\\A/g, '^');
  return new RegExp(`^(?:${js})`);
}
