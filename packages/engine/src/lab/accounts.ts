import type { LabUser } from './types.js';

/** The lab's password for root, tester and tester2 inside every lab host. */
export const LAB_PASSWORD = 'tsible-lab';
/**
 * SHA-512 crypt of LAB_PASSWORD, as `openssl passwd -6 -salt tsiblelab tsible-lab`
 * prints it (a unit test checks this against openssl when it is installed).
 */
export const LAB_PASSWORD_HASH =
  '$6$tsiblelab$WfiBSFxyyHH7Iq0ai9HIALBJuK.cPXHEzMu.uGb5yeqa.dB1qODH6CIL/rw0iQkqP3nKxiy8d9MjGeaiK2wRd0';

/** Non-root lab users: one with password-less sudo, one whose sudo asks for the password. */
const LAB_USERS: ReadonlyArray<Pick<LabUser, 'name' | 'sudo'>> = [
  { name: 'tester', sudo: 'nopasswd' },
  { name: 'tester2', sudo: 'password' },
];

export interface AccountFiles {
  passwd: string;
  shadow: string;
  group: string;
  gshadow: string;
  sudoers: string;
  users: LabUser[];
}

function usedIds(text: string): Set<number> {
  const ids = new Set<number>();
  for (const line of text.split('\n')) {
    const id = Number(line.split(':')[2]);
    if (line && Number.isInteger(id)) ids.add(id);
  }
  return ids;
}

function withTrailingNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

/** Replaces the password field of `user` in shadow text (or adds a line when absent). */
function setShadowHash(shadow: string, user: string, hash: string): string {
  const lines = withTrailingNewline(shadow).split('\n').filter((l, i, all) => l !== '' || i < all.length - 1);
  let found = false;
  const out = lines.map((line) => {
    const fields = line.split(':');
    if (fields[0] !== user) return line;
    found = true;
    fields[1] = hash;
    return fields.join(':');
  });
  if (!found) out.push(`${user}:${hash}:19000:0:99999:7:::`);
  return out.join('\n') + '\n';
}

/**
 * The machine's account files plus the lab's: root gets the lab password (in
 * the lab host's copy only), tester/tester2 are added with the first uid/gid
 * >= 1000 free on the machine, and a sudoers drop-in gives them their rules.
 */
export function labAccounts(machine: { passwd: string; shadow: string; group: string; gshadow: string }): AccountFiles {
  const taken = new Set([...usedIds(machine.passwd), ...usedIds(machine.group)]);
  let passwd = withTrailingNewline(machine.passwd);
  let shadow = setShadowHash(machine.shadow, 'root', LAB_PASSWORD_HASH);
  let group = withTrailingNewline(machine.group);
  let gshadow = withTrailingNewline(machine.gshadow);
  const users: LabUser[] = [];
  let next = 1000;
  for (const spec of LAB_USERS) {
    while (taken.has(next)) next += 1;
    const uid = next;
    taken.add(uid);
    const home = `/home/${spec.name}`;
    passwd += `${spec.name}:x:${uid}:${uid}:tsible lab user:${home}:/bin/bash\n`;
    shadow = setShadowHash(shadow, spec.name, LAB_PASSWORD_HASH);
    group += `${spec.name}:x:${uid}:\n`;
    gshadow += `${spec.name}:!::\n`;
    users.push({ name: spec.name, uid, home, sudo: spec.sudo });
  }
  const sudoers =
    '# tsible lab users (this lab host only)\n' +
    users
      .map((u) => (u.sudo === 'nopasswd' ? `${u.name} ALL=(ALL:ALL) NOPASSWD: ALL` : `${u.name} ALL=(ALL:ALL) ALL`))
      .join('\n') +
    '\n';
  return { passwd, shadow, group, gshadow, sudoers, users };
}
