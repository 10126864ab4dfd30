import { randomBytes } from 'node:crypto';

/** A hidden, unguessable name for a file written beside its final name. */
export function tempNameBeside(finalName: string): string {
  return `.${finalName.slice(0, 64)}.tsible-${randomBytes(6).toString('hex')}.tmp`;
}
