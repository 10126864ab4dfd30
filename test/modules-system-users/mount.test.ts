/** mount on a lab host: its own /etc/fstab and mount namespace. */
import { describeLab, useLabHosts } from '../lab/lab.js';
import { onHost, tsibleRun } from './run-module.js';

describeLab('mount module on a lab host', () => {
  const hosts = useLabHosts(1);
  const host = (): string => hosts()[0]?.name ?? '';
  const fstab = (): Promise<string> => onHost(host(), 'cat /etc/fstab 2>/dev/null; true');
  const mounted = async (): Promise<boolean> => (await onHost(host(), "awk '$2 == \"/mnt/data\"' /proc/mounts")) !== '';

  beforeAll(async () => {
    await onHost(host(), "printf '# static file system information\\nproc /proc proc defaults 0 0\\n' > /etc/fstab");
  }, 60_000);

  it('present writes fstab only; check mode changes nothing; then ok', async () => {
    const args = 'path=/srv/nfs src=server:/export fstype=nfs opts=ro state=present';
    expect(tsibleRun(host(), 'mount', args, ['--check']).caption).toBe('CHANGED');
    expect(await fstab()).toBe('# static file system information\nproc /proc proc defaults 0 0\n');
    expect(tsibleRun(host(), 'mount', args).caption).toBe('CHANGED');
    expect(await fstab()).toBe('# static file system information\nproc /proc proc defaults 0 0\nserver:/export /srv/nfs nfs ro 0 0\n');
    expect(tsibleRun(host(), 'mount', args).caption).toBe('SUCCESS');
    expect(tsibleRun(host(), 'mount', 'path=/srv/nfs src=server:/export fstype=nfs opts=rw state=present').caption).toBe('CHANGED');
    expect(await fstab()).toContain('server:/export /srv/nfs nfs rw 0 0\n');
    expect(tsibleRun(host(), 'mount', 'path=/srv/nfs state=absent_from_fstab').caption).toBe('CHANGED');
    expect(await fstab()).not.toContain('/srv/nfs');
  }, 120_000);

  it('mounted creates the directory, mounts and records it; unmounted and absent undo it', async () => {
    const args = 'path=/mnt/data src=tmpfs fstype=tmpfs opts=size=1m state=mounted';
    expect(tsibleRun(host(), 'mount', args).caption).toBe('CHANGED');
    expect(await mounted()).toBe(true);
    expect(await fstab()).toContain('tmpfs /mnt/data tmpfs size=1m 0 0\n');
    expect(tsibleRun(host(), 'mount', args).caption).toBe('SUCCESS');
    expect(tsibleRun(host(), 'mount', 'path=/mnt/data state=unmounted').caption).toBe('CHANGED');
    expect(await mounted()).toBe(false);
    expect(tsibleRun(host(), 'mount', 'path=/mnt/data state=unmounted').caption).toBe('SUCCESS');
    expect(tsibleRun(host(), 'mount', args).caption).toBe('CHANGED');
    expect(tsibleRun(host(), 'mount', 'path=/mnt/data state=absent').caption).toBe('CHANGED');
    expect(await mounted()).toBe(false);
    expect(await onHost(host(), 'test -e /mnt/data && echo there || echo gone')).toBe('gone\n');
    expect(await fstab()).not.toContain('/mnt/data');
  }, 120_000);

  it('a mount that fails puts fstab back and removes the new directory', async () => {
    const before = await fstab();
    const bad = tsibleRun(host(), 'mount', 'path=/mnt/bad src=nothing fstype=nosuchfs state=mounted');
    expect(bad.caption).toBe('FAILED!');
    expect(String(bad.result['msg'])).toMatch(/^Error mounting \/mnt\/bad: /);
    expect(await fstab()).toBe(before);
    expect(await onHost(host(), 'test -e /mnt/bad && echo there || echo gone')).toBe('gone\n');
    expect(tsibleRun(host(), 'mount', 'path=/mnt/x state=mounted').result['msg']).toBe('state is mounted but all of the following are missing: src, fstype');
  }, 60_000);
});
