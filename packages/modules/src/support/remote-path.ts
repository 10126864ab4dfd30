import { shellQuote } from '@tsible/engine/connection/quote';

/**
 * A path as a shell word that expands `~` to the remote user's home, the way
 * Ansible's `path` type does on the target; everything else stays literal.
 */
export function remotePathWord(path: string): string {
  if (path === '~') return '"$HOME"';
  if (path.startsWith('~/')) return `"$HOME"/${shellQuote(path.slice(2))}`;
  return shellQuote(path);
}
