import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tsible-atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('creates a new file with the requested mode and leaves nothing else behind', async () => {
    await writeFileAtomic(join(dir, 'new.yml'), Buffer.from('data'), { newFileMode: 0o600 });
    expect(readFileSync(join(dir, 'new.yml'), 'utf8')).toBe('data');
    expect(statSync(join(dir, 'new.yml')).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['new.yml']);
  });

  it('replaces an existing file and keeps its mode', async () => {
    const path = join(dir, 'vars.yml');
    writeFileSync(path, 'old');
    chmodSync(path, 0o640);
    await writeFileAtomic(path, Buffer.from('new'));
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['vars.yml']);
  });

  it('follows a symlink and rewrites its target', async () => {
    writeFileSync(join(dir, 'real.yml'), 'old');
    symlinkSync('real.yml', join(dir, 'link.yml'));
    await writeFileAtomic(join(dir, 'link.yml'), Buffer.from('new'));
    expect(readFileSync(join(dir, 'real.yml'), 'utf8')).toBe('new');
    expect(statSync(join(dir, 'link.yml')).isFile()).toBe(true);
  });

  it('on failure leaves the original in place and no temp file', async () => {
    // A non-empty directory cannot be replaced by a file: the final rename fails.
    const path = join(dir, 'target');
    mkdirSync(path);
    writeFileSync(join(path, 'keep'), 'original');
    await expect(writeFileAtomic(path, Buffer.from('new'))).rejects.toThrow(`Unable to write ${path}`);
    expect(readFileSync(join(path, 'keep'), 'utf8')).toBe('original');
    expect(readdirSync(dir)).toEqual(['target']);
  });

  it('fails cleanly when the directory does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'f'), Buffer.from('x'))).rejects.toThrow('Unable to write');
    expect(readdirSync(dir)).toEqual([]);
  });
});
