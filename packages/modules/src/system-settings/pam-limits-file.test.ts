import { editLimits } from './pam-limits-file.js';

const base = { domain: '@dev', type: 'soft', item: 'nofile', value: '4096', useMax: false, useMin: false, comment: '' };

describe('limits.conf edits, as pam_limits writes them', () => {
  it('appends a new limit tab-separated, keeping the rest', () => {
    const before = '# limits\n*  hard  core  0\n';
    expect(editLimits(before, base, 'f')).toEqual({ changed: true, content: `${before}@dev\tsoft\tnofile\t4096\n`, message: '@dev\tsoft\tnofile\t4096\n' });
  });

  it('rewrites the matching line; an equal value leaves it as it is', () => {
    expect(editLimits('@dev soft nofile 1024\n', { ...base, comment: 'raised' }, 'f').content).toBe('@dev\tsoft\tnofile\t4096\t#raised\n');
    expect(editLimits('@dev   soft nofile 4096\n', base, 'f')).toMatchObject({ changed: false, content: '@dev   soft nofile 4096\n' });
  });

  it('use_max and use_min keep the larger or smaller value', () => {
    expect(editLimits('@dev soft nofile 8192\n', { ...base, useMax: true }, 'f').changed).toBe(false);
    expect(editLimits('@dev soft nofile unlimited\n', { ...base, useMin: true }, 'f').content).toBe('@dev\tsoft\tnofile\t4096\n');
  });

  it('an invalid value already in the file is reported with the file name', () => {
    expect(() => editLimits('@dev soft nofile lots\n', base, '/etc/security/limits.conf')).toThrow(
      "Invalid configuration found in '/etc/security/limits.conf'. Value of 'lots' for item 'nofile' is invalid.",
    );
  });
});
