/** authorized_key on a lab host: the user's ~/.ssh/authorized_keys as Ansible writes it. */
import { describeLab, useLabHosts } from '../lab/lab.js';
import { onHost, tsibleRun } from './run-module.js';

const A = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa alice@work';
const B = 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCbbbbbbbbbbbbbbbbbbbbbbbbbbb bob@home';

describeLab('authorized_key module on a lab host', () => {
  const hosts = useLabHosts(1);
  const host = (): string => hosts()[0]?.name ?? '';
  const keys = (): Promise<string> => onHost(host(), 'cat /home/dana/.ssh/authorized_keys');

  beforeAll(async () => {
    await onHost(host(), `useradd -m dana && mkdir -m 700 /home/dana/.ssh && printf '# kept\\n%s\\n' '${B}' > /home/dana/.ssh/authorized_keys && chmod 644 /home/dana/.ssh/authorized_keys && chown -R dana: /home/dana/.ssh`);
  }, 60_000);

  it('adds a key, keeping the comment and the other key; check mode and diff; then ok', async () => {
    const check = tsibleRun(host(), 'authorized_key', `user=dana key='${A}'`, ['--check', '--diff']);
    expect(check.caption).toBe('CHANGED');
    expect(await keys()).toBe(`# kept\n${B}\n`);
    const added = tsibleRun(host(), 'authorized_key', `user=dana key='${A}'`);
    expect(added.caption).toBe('CHANGED');
    expect(added.result).toMatchObject({ user: 'dana', keyfile: '/home/dana/.ssh/authorized_keys', exclusive: false, manage_dir: true, state: 'present' });
    expect(await keys()).toBe(`# kept\n${B}\n${A}\n`);
    expect(await onHost(host(), 'stat -c %U:%a /home/dana/.ssh/authorized_keys /home/dana/.ssh')).toBe('dana:600\ndana:700\n');
    expect(tsibleRun(host(), 'authorized_key', `user=dana key='${A}'`).caption).toBe('SUCCESS');
  }, 120_000);

  it('key_options rewrite the line; absent removes it', async () => {
    expect(tsibleRun(host(), 'authorized_key', `user=dana key='${A}' key_options=no-pty`).caption).toBe('CHANGED');
    expect(await keys()).toBe(`# kept\n${B}\nno-pty ${A}\n`);
    expect(tsibleRun(host(), 'authorized_key', `user=dana key='${A}' state=absent`).caption).toBe('CHANGED');
    expect(await keys()).toBe(`# kept\n${B}\n`);
    expect(tsibleRun(host(), 'authorized_key', `user=dana key='${A}' state=absent`).caption).toBe('SUCCESS');
  }, 120_000);

  it('manage_dir creates ~/.ssh for a user without one; exclusive leaves only the given keys', async () => {
    await onHost(host(), 'useradd -m erin');
    expect(tsibleRun(host(), 'authorized_key', `user=erin key='${A}'`).caption).toBe('CHANGED');
    expect(await onHost(host(), 'stat -c %U:%a /home/erin/.ssh && cat /home/erin/.ssh/authorized_keys')).toBe(`erin:700\n${A}\n`);
    expect(tsibleRun(host(), 'authorized_key', `user=dana key='${A}' exclusive=yes`).caption).toBe('CHANGED');
    expect(await keys()).toBe(`${A}\n`);
  }, 120_000);

  it('fails cleanly for an unknown user and an invalid key', async () => {
    expect(tsibleRun(host(), 'authorized_key', `user=nobody2 key='${A}'`).result['msg']).toBe("Failed to lookup user nobody2: 'getpwnam(): name not found: nobody2'");
    const before = await keys();
    expect(tsibleRun(host(), 'authorized_key', "user=dana key='not a key'").result['msg']).toBe('invalid key specified: not a key');
    expect(await keys()).toBe(before);
  }, 60_000);
});
