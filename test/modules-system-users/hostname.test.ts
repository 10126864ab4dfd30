/** hostname on a lab host (its own UTS namespace and /etc/hostname). */
import { describeLab, useLabHosts } from '../lab/lab.js';
import { onHost, tsibleRun } from './run-module.js';

describeLab('hostname module on a lab host', () => {
  const hosts = useLabHosts(1);
  const host = (): string => hosts()[0]?.name ?? '';

  it('Debian without systemd: /etc/hostname is written; check mode changes nothing; then ok', async () => {
    const before = await onHost(host(), 'cat /etc/hostname 2>/dev/null; hostname');
    expect(tsibleRun(host(), 'hostname', 'name=web01.example.test', ['--check']).caption).toBe('CHANGED');
    expect(await onHost(host(), 'cat /etc/hostname 2>/dev/null; hostname')).toBe(before);
    const set = tsibleRun(host(), 'hostname', 'name=web01.example.test');
    expect(set.caption).toBe('CHANGED');
    expect(set.result).toMatchObject({ name: 'web01.example.test', ansible_facts: { ansible_hostname: 'web01', ansible_nodename: 'web01.example.test' } });
    expect(await onHost(host(), 'cat /etc/hostname')).toBe('web01.example.test\n');
    expect(tsibleRun(host(), 'hostname', 'name=web01.example.test').caption).toBe('SUCCESS');
  }, 120_000);

  it('use=alpine also sets the running name', async () => {
    expect(tsibleRun(host(), 'hostname', 'name=db02 use=alpine').caption).toBe('CHANGED');
    expect(await onHost(host(), 'cat /etc/hostname; hostname')).toBe('db02\ndb02\n');
    expect(tsibleRun(host(), 'hostname', 'name=db02 use=alpine').caption).toBe('SUCCESS');
  }, 60_000);

  it('use must be one of the strategies', () => {
    expect(tsibleRun(host(), 'hostname', 'name=x use=windows').result['msg']).toBe(
      'value of use must be one of: alpine, debian, freebsd, generic, macos, macosx, darwin, openbsd, openrc, redhat, sles, solaris, systemd, got: windows',
    );
  }, 60_000);
});
