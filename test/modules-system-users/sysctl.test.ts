/** sysctl on a lab host: its own network namespace's net.* keys and its own /etc/sysctl.conf. */
import { describeLab, useLabHosts } from '../lab/lab.js';
import { onHost, tsibleRun } from './run-module.js';

describeLab('sysctl module on a lab host', () => {
  const hosts = useLabHosts(1);
  const host = (): string => hosts()[0]?.name ?? '';
  const state = (): Promise<string> => onHost(host(), 'cat /proc/sys/net/ipv4/ip_forward; cat /etc/sysctl.conf 2>/dev/null; true');

  beforeAll(async () => {
    await onHost(host(), "printf '# tuned by hand\\n  net.ipv4.tcp_syncookies = 1\\n\\nnet.ipv4.conf.all.rp_filter=1\\n' > /etc/sysctl.conf; echo 0 > /proc/sys/net/ipv4/ip_forward");
  }, 60_000);

  it('sets the key in the file and the kernel; check mode changes nothing; then ok', async () => {
    const before = await state();
    expect(tsibleRun(host(), 'sysctl', 'name=net.ipv4.ip_forward value=1 sysctl_set=yes', ['--check']).caption).toBe('CHANGED');
    expect(await state()).toBe(before);
    const set = tsibleRun(host(), 'sysctl', 'name=net.ipv4.ip_forward value=1 sysctl_set=yes');
    expect(set.caption).toBe('CHANGED');
    expect(await state()).toBe('1\n# tuned by hand\nnet.ipv4.tcp_syncookies = 1\n\nnet.ipv4.conf.all.rp_filter=1\nnet.ipv4.ip_forward=1\n'.replace('net.ipv4.tcp_syncookies = 1', 'net.ipv4.tcp_syncookies=1'));
    expect(tsibleRun(host(), 'sysctl', 'name=net.ipv4.ip_forward value=1 sysctl_set=yes').caption).toBe('SUCCESS');
    expect(tsibleRun(host(), 'sysctl', 'name=net.ipv4.ip_forward value=yes').caption).toBe('SUCCESS');
  }, 120_000);

  it('a changed value is rewritten in place and reloaded; absent removes the line', async () => {
    expect(tsibleRun(host(), 'sysctl', 'name=net.ipv4.ip_forward value=0').caption).toBe('CHANGED');
    expect(await state()).toMatch(/^0\n[\s\S]*net\.ipv4\.ip_forward=0\n$/);
    expect(tsibleRun(host(), 'sysctl', 'name=net.ipv4.ip_forward state=absent').caption).toBe('CHANGED');
    expect(await onHost(host(), 'cat /etc/sysctl.conf')).not.toContain('ip_forward');
    expect(tsibleRun(host(), 'sysctl', 'name=net.ipv4.ip_forward state=absent').caption).toBe('SUCCESS');
  }, 120_000);

  it('sysctl_file names another file', async () => {
    expect(tsibleRun(host(), 'sysctl', 'name=net.ipv4.ip_forward value=1 sysctl_file=/etc/sysctl.d/90-forward.conf').caption).toBe('CHANGED');
    expect(await onHost(host(), 'cat /etc/sysctl.d/90-forward.conf /proc/sys/net/ipv4/ip_forward')).toBe('net.ipv4.ip_forward=1\n1\n');
  }, 60_000);

  it('a value the kernel rejects fails with sysctl message and leaves the file alone', async () => {
    const before = await state();
    const bad = tsibleRun(host(), 'sysctl', 'name=net.ipv4.ip_forward value=abc sysctl_set=yes');
    expect(bad.caption).toBe('FAILED!');
    expect(bad.result['msg']).toBe('setting net.ipv4.ip_forward failed: sysctl: setting key "net.ipv4.ip_forward": Invalid argument');
    expect(await state()).toBe(before);
  }, 60_000);

  it('value is required for state=present', () => {
    expect(tsibleRun(host(), 'sysctl', 'name=net.ipv4.ip_forward').result['msg']).toBe('state is present but all of the following are missing: value');
  }, 60_000);
});
