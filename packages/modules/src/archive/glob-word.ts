import { shellQuote } from '@tsible/engine/connection/quote';

/**
 * A path pattern as a shell word that the target's shell expands: `*`, `?`
 * and simple bracket classes stay active, every other part is quoted.
 */
export function globWord(pattern: string): string {
  const parts = pattern.split(/(\*|\?|\[[A-Za-z0-9!^-]+\])/);
  return parts.map((part, index) => (index % 2 === 1 ? part : part === '' ? '' : shellQuote(part))).join('') || "''";
}
