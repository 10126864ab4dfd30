import { createUser, modifyUser, removeUser, UserPlanError, type UserState } from './user-plan.js';
import { userSpec, passwordWarning, type UserParams } from './user-spec.js';
import { validateArgs } from '@tsible/engine/module-api/validate-args';

function params(raw: Record<string, unknown>): UserParams {
  const outcome = validateArgs('user', userSpec, raw);
  if (!outcome.ok) throw new Error(outcome.msg);
  return outcome.params;
}

const groups = [
  { name: 'alice', gid: 1000, members: [] },
  { name: 'users', gid: 100, members: ['alice'] },
  { name: 'staff', gid: 50, members: [] },
  { name: 'docker', gid: 999, members: ['alice'] },
];
const alice = { name: 'alice', uid: 1000, gid: 1000, comment: '', home: '/home/alice', shell: '/bin/sh' };
const state = (over: Partial<UserState> = {}): UserState => ({ entry: alice, password: '$6$x$y', expiresDays: -1, groups, ...over });

describe('user: useradd/usermod/userdel argv in Ansible option order', () => {
  it('useradd: -N when a group of the name exists, groups, comment, home, shell, -m, -r', () => {
    const p = params({ name: 'alice', uid: 2001, groups: ['users', 'staff'], comment: 'A', home: '/srv/a', shell: '/bin/bash', system: true });
    expect(createUser(p, state({ entry: undefined }))).toEqual({
      command: ['useradd', '-u', '2001', '-N', '-G', 'users,staff', '-c', 'A', '-d', '/srv/a', '-s', '/bin/bash', '-m', '-r', 'alice'],
      password: null,
    });
    expect(createUser(params({ name: 'bob', create_home: false, expires: 86400 * 365 }), state({ entry: undefined })).command).toEqual(['useradd', '-e', '1971-01-01', '-M', 'bob']);
  });

  it('the password never goes in argv; a locked one gets its !', () => {
    const change = createUser(params({ name: 'bob', password: '$6$s$h', password_lock: true }), state({ entry: undefined }));
    expect(change.command).not.toContain('$6$s$h');
    expect(change.password).toBe('!$6$s$h');
  });

  it('usermod only for what differs; groups replaced, or appended with -a', () => {
    expect(modifyUser(params({ name: 'alice', shell: '/bin/sh', groups: ['users', 'docker'] }), state(), alice)).toEqual({ command: null, password: null });
    expect(modifyUser(params({ name: 'alice', groups: ['users'] }), state(), alice).command).toEqual(['usermod', '-G', 'users', 'alice']);
    expect(modifyUser(params({ name: 'alice', groups: ['staff'], append: true }), state(), alice).command).toEqual(['usermod', '-a', '-G', 'staff', 'alice']);
    expect(modifyUser(params({ name: 'alice', groups: [''] }), state(), alice).command).toEqual(['usermod', '-G', '', 'alice']);
    expect(modifyUser(params({ name: 'alice', group: 'staff', home: '/h', move_home: true, password_lock: true }), state(), alice).command).toEqual([
      'usermod', '-g', '50', '-d', '/h', '-m', '-L', 'alice',
    ]);
  });

  it('a new password replaces -L/-U and goes to chpasswd; update_password=on_create keeps it', () => {
    expect(modifyUser(params({ name: 'alice', password: '$6$n$n', password_lock: true }), state(), alice)).toEqual({ command: null, password: '!$6$n$n' });
    expect(modifyUser(params({ name: 'alice', password: '$6$n$n', update_password: 'on_create' }), state(), alice)).toEqual({ command: null, password: null });
  });

  it('unknown groups fail in Ansible words; userdel flags', () => {
    expect(() => createUser(params({ name: 'x', groups: ['nope'] }), state({ entry: undefined }))).toThrow(new UserPlanError('Group nope does not exist'));
    expect(removeUser(params({ name: 'x', force: true, remove: true }))).toEqual(['userdel', '-f', '-r', 'x']);
  });

  it('warns about a password that is not a hash', () => {
    expect(passwordWarning('secret')).toMatch(/^The input password appears not to have been hashed/);
    expect(passwordWarning('$6$tsiblesalt$H5OjbRLdvYOdhbPPErHYDG8KXVrwxLc0pETBAPSupSraCgGyaeH/cL5JNaH/pyfnlwm9I5LPMTCwV1GdzjGMV.')).toBeUndefined();
  });
});
