import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** test/fixtures/vault, recorded by its record.sh with real ansible-vault. */
export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/vault');

export function fixture(path: string): Buffer {
  return readFileSync(join(FIXTURES, path));
}

export function fixturePassword(name: 'default' | 'dev' | 'prod'): Buffer {
  // The same trimming Ansible applies to password files.
  return Buffer.from(fixture(`passwords/${name}.txt`).toString('latin1').trim(), 'latin1');
}

/** The `!vault |` blocks of an encrypt_string output or a vars file, indentation removed. */
export function inlineVaultValues(yaml: string): Map<string, string> {
  const values = new Map<string, string>();
  let name: string | undefined;
  let lines: string[] = [];
  const flush = (): void => {
    if (name !== undefined) values.set(name, `${lines.join('\n')}\n`);
    name = undefined;
    lines = [];
  };
  for (const line of yaml.split('\n')) {
    const header = /^(?:(\S+): )?!vault \|$/.exec(line);
    if (header) {
      flush();
      name = header[1] ?? `#${values.size + 1}`;
    } else if (name !== undefined && line.startsWith('          ')) {
      lines.push(line.trim());
    } else {
      flush();
    }
  }
  flush();
  return values;
}
