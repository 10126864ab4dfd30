import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TsibleError } from '../errors/tsible-error.js';
import { claimLabName, findLab, listLabNames, releaseLabName, validateLabName } from './registry.js';

describe('lab registry', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tsible-registry-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('claims a name once, finds its state dir, lists and releases it', async () => {
    await claimLabName('web', '/srv/lab/web', dir);
    await claimLabName('db', '/srv/lab/db', dir);
    expect(await findLab('web', dir)).toBe('/srv/lab/web');
    expect(await listLabNames(dir)).toEqual(['db', 'web']);
    await expect(claimLabName('web', '/elsewhere', dir)).rejects.toThrow('lab "web" is already up');
    await releaseLabName('web', dir);
    expect(await findLab('web', dir)).toBeNull();
    expect(await listLabNames(dir)).toEqual(['db']);
    await releaseLabName('db', dir);
    expect(existsSync(dir)).toBe(false); // the registry goes with its last lab
    await claimLabName('web', '/srv/lab/web', dir);
    expect(await listLabNames(dir)).toEqual(['web']);
  });

  it('accepts host-name-safe lab names only', () => {
    expect(() => validateLabName('tsible-test-1a2b')).not.toThrow();
    for (const bad of ['', 'a', 'Lab', '1lab', 'lab-', 'la b', 'lab_1', 'x'.repeat(32)]) {
      expect(() => validateLabName(bad)).toThrow(TsibleError);
    }
    try {
      validateLabName('Lab');
    } catch (err) {
      expect((err as TsibleError).exitCode).toBe(5);
      expect((err as TsibleError).code).toBe('TSIBLE_LAB_NAME');
    }
  });
});
