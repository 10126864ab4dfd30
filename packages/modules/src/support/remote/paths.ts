/** POSIX path helpers for target paths (the controller may not be POSIX-like in the same way). */

export function dirname(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path.startsWith('/') ? '/' : '.';
  const index = trimmed.lastIndexOf('/');
  if (index === -1) return '';
  return index === 0 ? '/' : trimmed.slice(0, index);
}

export function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Python's os.path.join for two parts. */
export function joinPath(base: string, name: string): string {
  if (name.startsWith('/')) return name;
  if (base === '' ) return name;
  return base.endsWith('/') ? `${base}${name}` : `${base}/${name}`;
}
