import { escapeField, setMount, unsetMount } from './fstab.js';

const entry = { src: '/dev/sdb1', name: '/data', fstype: 'ext4', opts: 'defaults', dump: '0', passno: '2' };

describe('fstab edits, as ansible.posix.mount makes them', () => {
  it('appends, keeps an equal line, rewrites a different one', () => {
    expect(setMount('# fs\n', entry)).toEqual({ changed: true, content: '# fs\n/dev/sdb1 /data ext4 defaults 0 2\n' });
    expect(setMount('/dev/sdb1\t/data  ext4 defaults 0 2\n', entry).changed).toBe(false);
    expect(setMount('/dev/sdb1 /data ext4 noatime 0 2\n', entry).content).toBe('/dev/sdb1 /data ext4 defaults 0 2\n');
  });

  it('a line without dump and passno is always rewritten', () => {
    expect(setMount('/dev/sdb1 /data ext4 defaults\n', entry)).toEqual({ changed: true, content: '/dev/sdb1 /data ext4 defaults 0 2\n' });
  });

  it('escapes spaces, backslashes and &; removes by mount point', () => {
    expect(escapeField('/mnt/my disk&\\x')).toBe('/mnt/my\\040disk\\046\\134x');
    expect(unsetMount('a /data ext4 defaults 0 0\nb /other ext4 defaults 0 0\n', '/data', null)).toEqual({ changed: true, content: 'b /other ext4 defaults 0 0\n' });
  });
});
