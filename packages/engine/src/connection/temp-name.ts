import { randomBytes } from 'node:crypto';
import { posix } from 'node:path';

/** A hidden, unguessable name in the same directory, so the final rename is atomic. */
export function tempPathBeside(path: string): string {
  const name = posix.basename(path).slice(0, 64);
  return posix.join(posix.dirname(path), `.${name}.tsible-${randomBytes(6).toString('hex')}.tmp`);
}
