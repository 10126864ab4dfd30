import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** What ansible 2.14 reported in the same situations (test/fixtures/connection/record.sh). */
export interface AnsibleMessages {
  refused: string;
  unresolvable: string;
  unknown_host_key: string;
  /** With `{host}` standing for the address. */
  permission_denied: string;
  missing_become_password: string;
  incorrect_become_password: string;
}

export function ansibleMessages(): AnsibleMessages {
  const file = fileURLToPath(new URL('../../fixtures/connection/ansible-messages.json', import.meta.url));
  return JSON.parse(readFileSync(file, 'utf8')) as AnsibleMessages;
}
