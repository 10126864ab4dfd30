/** known_hosts on a lab host: root's ~/.ssh/known_hosts, looked up with ssh-keygen -F as Ansible does. */
import { describeLab, useLabHosts } from '../lab/lab.js';
import { onHost, tsibleRun } from './run-module.js';

const KEY1 = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFqKpvi9csD+s+KzB2p7tYn6UCoqSdj35K39TgBMA0Bk';
const KEY2 = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHnCOB7mE3/+zAWVOSjYf55q4YBcq97+e9pYoYXtbSbN';

describeLab('known_hosts module on a lab host', () => {
  const hosts = useLabHosts(1);
  const host = (): string => hosts()[0]?.name ?? '';
  const file = (): Promise<string> => onHost(host(), 'cat /root/.ssh/known_hosts 2>/dev/null; true');

  it('adds a host key; check mode changes nothing; then ok; a new key of the same type replaces it', async () => {
    await onHost(host(), `mkdir -p /root/.ssh && printf 'other.test %s\\n' '${KEY2}' > /root/.ssh/known_hosts`);
    const args = `name=git.example.test key='git.example.test ${KEY1}'`;
    expect(tsibleRun(host(), 'known_hosts', args, ['--check']).caption).toBe('CHANGED');
    expect(await file()).toBe(`other.test ${KEY2}\n`);
    const added = tsibleRun(host(), 'known_hosts', args);
    expect(added.caption).toBe('CHANGED');
    expect(added.result).toMatchObject({ name: 'git.example.test', path: '/root/.ssh/known_hosts', hash_host: false, state: 'present' });
    expect(await file()).toBe(`other.test ${KEY2}\ngit.example.test ${KEY1}\n`);
    expect(tsibleRun(host(), 'known_hosts', args).caption).toBe('SUCCESS');
    expect(tsibleRun(host(), 'known_hosts', `name=git.example.test key='git.example.test ${KEY2}'`).caption).toBe('CHANGED');
    expect(await file()).toBe(`other.test ${KEY2}\ngit.example.test ${KEY2}\n`);
  }, 120_000);

  it('hash_host writes a hashed entry that later runs recognise', async () => {
    const args = `name=hidden.example.test key='hidden.example.test ${KEY1}' hash_host=yes`;
    expect(tsibleRun(host(), 'known_hosts', args).caption).toBe('CHANGED');
    expect(await file()).toMatch(/^\|1\|\S+\|\S+ ssh-ed25519 /m);
    expect(await onHost(host(), 'ssh-keygen -F hidden.example.test -f /root/.ssh/known_hosts | grep -c ssh-ed25519')).toBe('1\n');
    expect(tsibleRun(host(), 'known_hosts', args).caption).toBe('SUCCESS');
  }, 120_000);

  it('absent without a key removes every entry of the host; a key for another host is refused', async () => {
    expect(tsibleRun(host(), 'known_hosts', 'name=git.example.test state=absent').caption).toBe('CHANGED');
    expect(await file()).not.toContain('git.example.test');
    expect(tsibleRun(host(), 'known_hosts', 'name=git.example.test state=absent').caption).toBe('SUCCESS');
    const before = await file();
    const bad = tsibleRun(host(), 'known_hosts', `name=a.test key='b.test ${KEY1}'`);
    expect(bad.result['msg']).toBe('Host parameter does not match hashed host field in supplied key');
    expect(tsibleRun(host(), 'known_hosts', 'name=a.test').result['msg']).toBe('No key specified when adding a host');
    expect(await file()).toBe(before);
  }, 120_000);
});
