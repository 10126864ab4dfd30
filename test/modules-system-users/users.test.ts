/**
 * user and group on lab hosts: accounts land in the host's own /etc/passwd,
 * /etc/shadow and /etc/group, read back over plain ssh.
 */
import { describeLab, useLabHosts } from '../lab/lab.js';
import { onHost, tsibleRun } from './run-module.js';

const HASH = '$6$tsiblesalt$H5OjbRLdvYOdhbPPErHYDG8KXVrwxLc0pETBAPSupSraCgGyaeH/cL5JNaH/pyfnlwm9I5LPMTCwV1GdzjGMV.';
const accounts = 'cat /etc/passwd /etc/shadow /etc/group';

describeLab('group module on a lab host', () => {
  const hosts = useLabHosts(1);
  const host = (): string => hosts()[0]?.name ?? '';

  it('creates, changes the gid of and removes a group; check mode changes nothing', async () => {
    const before = await onHost(host(), accounts);
    expect(tsibleRun(host(), 'group', 'name=devs gid=3001', ['--check']).caption).toBe('CHANGED');
    expect(await onHost(host(), accounts)).toBe(before);
    const created = tsibleRun(host(), 'group', 'name=devs gid=3001');
    expect(created.caption).toBe('CHANGED');
    expect(created.result).toMatchObject({ changed: true, name: 'devs', state: 'present', gid: 3001, system: false });
    expect(await onHost(host(), 'getent group devs')).toBe('devs:x:3001:\n');
    expect(tsibleRun(host(), 'group', 'name=devs gid=3001').caption).toBe('SUCCESS');
    expect(tsibleRun(host(), 'group', 'name=devs gid=3002').result).toMatchObject({ changed: true, gid: 3002 });
    expect(await onHost(host(), 'getent group devs')).toBe('devs:x:3002:\n');
    expect(tsibleRun(host(), 'group', 'name=devs state=absent').caption).toBe('CHANGED');
    expect(await onHost(host(), 'getent group devs || echo gone')).toBe('gone\n');
    expect(tsibleRun(host(), 'group', 'name=devs state=absent').caption).toBe('SUCCESS');
  }, 120_000);

  it('a system group gets a system gid', async () => {
    const sys = tsibleRun(host(), 'group', 'name=svc system=yes');
    expect(sys.caption).toBe('CHANGED');
    expect(Number(sys.result['gid'])).toBeLessThan(1000);
  }, 60_000);

  it('removing the primary group of a user fails with groupdel message and keeps the group', async () => {
    await onHost(host(), 'useradd -M holder');
    const bad = tsibleRun(host(), 'group', 'name=holder state=absent');
    expect(bad.caption).toBe('FAILED!');
    expect(bad.result).toMatchObject({ name: 'holder', msg: "groupdel: cannot remove the primary group of user 'holder'\n" });
    expect(await onHost(host(), 'getent group holder | cut -d: -f1')).toBe('holder\n');
  }, 60_000);

  it('non_unique needs a gid', () => {
    const bad = tsibleRun(host(), 'group', 'name=x non_unique=yes');
    expect(bad.result['msg']).toBe('non_unique is True but all of the following are missing: gid');
  }, 60_000);
});

describeLab('user module on a lab host', () => {
  const hosts = useLabHosts(1);
  const host = (): string => hosts()[0]?.name ?? '';

  it('creates a user with a hashed password sent on stdin; then ok; check mode changes nothing', async () => {
    const args = `name=alice uid=2001 shell=/bin/sh comment="Alice A" groups=users password='${HASH}'`;
    const before = await onHost(host(), accounts);
    const check = tsibleRun(host(), 'user', args, ['--check']);
    expect(check.caption).toBe('CHANGED');
    expect(await onHost(host(), accounts)).toBe(before);

    const created = tsibleRun(host(), 'user', args);
    expect(created.caption).toBe('CHANGED');
    expect(created.result).toMatchObject({ name: 'alice', uid: 2001, shell: '/bin/sh', comment: 'Alice A', home: '/home/alice', groups: 'users', password: 'NOT_LOGGING_PASSWORD', system: false, create_home: true });
    expect(created.stdout).not.toContain(HASH);
    expect(await onHost(host(), 'getent passwd alice')).toMatch(/^alice:x:2001:\d+:Alice A:\/home\/alice:\/bin\/sh\n$/);
    expect(await onHost(host(), 'getent shadow alice | cut -d: -f2')).toBe(`${HASH}\n`);
    expect(await onHost(host(), 'id -nG alice')).toMatch(/\busers\b/);
    expect(await onHost(host(), 'stat -c %U:%a /home/alice')).toBe('alice:755\n');
    expect(tsibleRun(host(), 'user', args).caption).toBe('SUCCESS');
  }, 120_000);

  it('modifies shell, appends groups and locks the password', async () => {
    await onHost(host(), 'getent group staff >/dev/null || groupadd staff');
    const changed = tsibleRun(host(), 'user', 'name=alice shell=/bin/bash groups=staff append=yes password_lock=yes');
    expect(changed.caption).toBe('CHANGED');
    expect(changed.result).toMatchObject({ shell: '/bin/bash', append: true, move_home: false });
    expect(await onHost(host(), 'id -nG alice')).toMatch(/\busers\b.*\bstaff\b|\bstaff\b.*\busers\b/);
    expect(await onHost(host(), 'getent shadow alice | cut -d: -f2')).toBe(`!${HASH}\n`);
    expect(tsibleRun(host(), 'user', 'name=alice shell=/bin/bash groups=staff append=yes password_lock=yes').caption).toBe('SUCCESS');
    const before = await onHost(host(), accounts);
    expect(tsibleRun(host(), 'user', 'name=alice groups=staff', ['--check']).caption).toBe('CHANGED');
    expect(await onHost(host(), accounts)).toBe(before);
    expect(tsibleRun(host(), 'user', 'name=alice password_lock=no').caption).toBe('CHANGED');
    expect(await onHost(host(), 'getent shadow alice | cut -d: -f2')).toBe(`${HASH}\n`);
    expect(tsibleRun(host(), 'user', `name=alice password='${HASH}' update_password=on_create`).caption).toBe('SUCCESS');
  }, 120_000);

  it('generates an ssh key once', async () => {
    const first = tsibleRun(host(), 'user', 'name=alice generate_ssh_key=yes ssh_key_comment=alice@lab');
    expect(first.caption).toBe('CHANGED');
    expect(first.result).toMatchObject({ ssh_key_file: '/home/alice/.ssh/id_rsa', ssh_public_key: expect.stringMatching(/^ssh-rsa \S+ alice@lab$/) });
    expect(await onHost(host(), 'stat -c %U:%a /home/alice/.ssh /home/alice/.ssh/id_rsa')).toBe('alice:700\nalice:600\n');
    const again = tsibleRun(host(), 'user', 'name=alice generate_ssh_key=yes ssh_key_comment=alice@lab');
    expect(again.caption).toBe('SUCCESS');
    expect(again.result['ssh_public_key']).toBe(first.result['ssh_public_key']);
  }, 120_000);

  it('an unknown group fails before anything changes, in Ansible words', async () => {
    const before = await onHost(host(), accounts);
    const bad = tsibleRun(host(), 'user', 'name=carol group=nosuch');
    expect(bad.caption).toBe('FAILED!');
    expect(bad.result['msg']).toBe('Group nosuch does not exist');
    expect(await onHost(host(), accounts)).toBe(before);
  }, 60_000);

  it('a user in use is not removed: userdel message, accounts unchanged', async () => {
    await onHost(host(), `useradd -m bob && (setsid su -s /bin/sh bob -c 'echo $$ >/tmp/bob.pid; exec sleep 300' </dev/null >/dev/null 2>&1 &) && sleep 1`);
    const before = await onHost(host(), accounts);
    const busy = tsibleRun(host(), 'user', 'name=bob state=absent');
    expect(busy.caption).toBe('FAILED!');
    expect(String(busy.result['msg'])).toMatch(/^userdel: user bob is currently used by process \d+/);
    expect(busy.result['rc']).toBe(8);
    expect(await onHost(host(), accounts)).toBe(before);
    await onHost(host(), 'kill "$(cat /tmp/bob.pid)"; sleep 1; true');
  }, 60_000);

  it('state=absent remove=yes deletes the user and the home', async () => {
    const gone = tsibleRun(host(), 'user', 'name=alice state=absent remove=yes');
    expect(gone.caption).toBe('CHANGED');
    expect(gone.result).toMatchObject({ name: 'alice', state: 'absent', force: false, remove: true });
    expect(await onHost(host(), 'getent passwd alice || echo gone; test -e /home/alice || echo nohome')).toBe('gone\nnohome\n');
    expect(tsibleRun(host(), 'user', 'name=alice state=absent').caption).toBe('SUCCESS');
  }, 60_000);
});
