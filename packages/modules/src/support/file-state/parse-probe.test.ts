import { parseProbe } from './parse-probe.js';
import { ansibleState, followed, octalMode } from './file-state.js';
import { pathInfo } from './path-info.js';

const fields = (hex: string, extra: Partial<Record<'uid' | 'size' | 'nlink', string>> = {}): string =>
  [hex, extra.uid ?? '0', '0', extra.size ?? '6', '1700000000', '1700000001', '1700000002', extra.nlink ?? '1', '42', '2049', '8', '4096', '0', '0', 'root', 'root'].join('\t');

describe('parseProbe', () => {
  it('reads a regular file with its checksum', () => {
    const report = parseProbe(`@p\tf\t${fields('81a4')}\n@c\tf\tsha1\tabc\n@u\t0022\n`);
    const state = report.paths.get('f');
    expect(state).toMatchObject({ exists: true, type: 'file', mode: 0o644, size: 6, mtime: 1700000000, checksum: { algorithm: 'sha1', digest: 'abc' } });
    expect(report.umask).toBe(0o022);
  });

  it('reads a symlink, its target and what it resolves to', () => {
    const report = parseProbe(`@p\tl\t${fields('a1ff')}\n@l\tl\tdir/with\ttab\n@f\tl\t${fields('41ed')}\n@r\tl\t/real/dir\n`);
    const state = report.paths.get('l');
    expect(state).toMatchObject({ type: 'link', linkTarget: 'dir/with\ttab', realPath: '/real/dir' });
    expect(state === undefined ? null : followed(state)).toMatchObject({ type: 'directory', mode: 0o755 });
  });

  it('falls back to ids for unknown owners, and knows absent paths', () => {
    const report = parseProbe(`@p\tx\t${fields('81a4', { uid: '1234' }).replace(/root\troot$/, 'UNKNOWN\tUNKNOWN')}\n@p\ty\tabsent\n`);
    expect(report.paths.get('x')).toMatchObject({ owner: '1234', group: '0' });
    expect(report.paths.get('y')).toEqual({ exists: false });
  });

  it("names states and facts as Ansible's add_path_info does", () => {
    const report = parseProbe(`@p\th\t${fields('81ed', { nlink: '2' })}\n@p\td\t${fields('a1ff')}\n@f\td\tabsent\n`);
    const hard = report.paths.get('h');
    expect(hard === undefined ? '' : ansibleState(hard)).toBe('hard');
    expect(hard === undefined ? {} : pathInfo(hard)).toEqual({ uid: 0, gid: 0, owner: 'root', group: 'root', mode: '0755', state: 'hard', size: 6 });
    // A dangling link counts as missing.
    const dangling = report.paths.get('d');
    expect(dangling === undefined ? null : pathInfo(dangling)).toEqual({});
    expect(octalMode(0o4755)).toBe('04755');
  });
});
