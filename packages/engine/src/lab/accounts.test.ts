import { spawnSync } from 'node:child_process';
import { LAB_PASSWORD, LAB_PASSWORD_HASH, labAccounts } from './accounts.js';

const machine = {
  passwd: 'root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\nalice:x:1000:1000::/home/alice:/bin/bash\n',
  shadow: 'root:*:19000:0:99999:7:::\nalice:$6$x$y:19000:0:99999:7:::\n',
  group: 'root:x:0:\nalice:x:1000:\nstaff:x:1002:\n',
  gshadow: 'root:*::\n',
};

describe('lab accounts', () => {
  const accounts = labAccounts(machine);

  it('adds tester and tester2 with the first ids free in both passwd and group', () => {
    expect(accounts.users).toEqual([
      { name: 'tester', uid: 1001, home: '/home/tester', sudo: 'nopasswd' },
      { name: 'tester2', uid: 1003, home: '/home/tester2', sudo: 'password' },
    ]);
    expect(accounts.passwd).toBe(
      machine.passwd +
        'tester:x:1001:1001:tsible lab user:/home/tester:/bin/bash\n' +
        'tester2:x:1003:1003:tsible lab user:/home/tester2:/bin/bash\n',
    );
    expect(accounts.group).toBe(machine.group + 'tester:x:1001:\ntester2:x:1003:\n');
    expect(accounts.gshadow).toBe(machine.gshadow + 'tester:!::\ntester2:!::\n');
  });

  it("sets root's password to the lab password and leaves other accounts alone", () => {
    expect(accounts.shadow.split('\n')).toEqual([
      `root:${LAB_PASSWORD_HASH}:19000:0:99999:7:::`,
      'alice:$6$x$y:19000:0:99999:7:::',
      `tester:${LAB_PASSWORD_HASH}:19000:0:99999:7:::`,
      `tester2:${LAB_PASSWORD_HASH}:19000:0:99999:7:::`,
      '',
    ]);
  });

  it('gives tester password-less sudo and tester2 sudo with a password', () => {
    expect(accounts.sudoers).toBe('# tsible lab users (this lab host only)\ntester ALL=(ALL:ALL) NOPASSWD: ALL\ntester2 ALL=(ALL:ALL) ALL\n');
  });

  const openssl = spawnSync('openssl', ['passwd', '-6', '-salt', 'tsiblelab', LAB_PASSWORD], { encoding: 'utf8' });
  (openssl.error ? it.skip : it)('LAB_PASSWORD_HASH is the SHA-512 crypt of LAB_PASSWORD (checked with openssl)', () => {
    expect(openssl.stdout.trim()).toBe(LAB_PASSWORD_HASH);
  });
});
