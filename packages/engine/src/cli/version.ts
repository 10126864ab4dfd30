import { readFileSync } from 'node:fs';

/** The engine package's version, read once from its package.json. */
export function tsibleVersion(): string {
  const url = new URL('../../package.json', import.meta.url);
  const pkg = JSON.parse(readFileSync(url, 'utf8')) as { version: string };
  return pkg.version;
}
