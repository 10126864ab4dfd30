import { createHash } from 'node:crypto';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findModule } from './find.js';
import { runLocal, tempWorkspace } from '../testing/module-harness.js';

const ws = tempWorkspace('find');
beforeEach(ws.setup);
afterEach(ws.cleanup);
const at = (name: string): string => join(ws.dir(), name);
const paths = (result: Record<string, unknown>): string[] => (result['files'] as Array<{ path: string }>).map((f) => f.path).sort();

describe('find', () => {
  beforeEach(() => {
    mkdirSync(at('s/deep'), { recursive: true });
    writeFileSync(at('a.log'), 'needle\n');
    writeFileSync(at('b.txt'), 'hay\n');
    writeFileSync(at('.h.log'), 'x');
    writeFileSync(at('s/c.log'), 'x'.repeat(3000));
    writeFileSync(at('s/deep/d.log'), 'needle too\n');
  });

  it('globs, recursion and hidden files', async () => {
    expect(paths((await runLocal(findModule, { paths: ws.dir(), patterns: '*.log' })).result)).toEqual([at('a.log')]);
    expect(paths((await runLocal(findModule, { paths: ws.dir(), patterns: '*.log', recurse: true })).result)).toEqual([at('a.log'), at('s/c.log'), at('s/deep/d.log')]);
    expect(paths((await runLocal(findModule, { paths: ws.dir(), patterns: '*.log', hidden: true })).result)).toEqual([at('.h.log'), at('a.log')]);
  });

  it('regexes, excludes, depth and size', async () => {
    expect(paths((await runLocal(findModule, { paths: ws.dir(), patterns: '^[ab]\\.', use_regex: true })).result)).toEqual([at('a.log'), at('b.txt')]);
    expect(paths((await runLocal(findModule, { paths: ws.dir(), excludes: '*.txt' })).result)).toEqual([at('a.log')]);
    expect(paths((await runLocal(findModule, { paths: ws.dir(), patterns: '*.log', recurse: true, depth: 2 })).result)).toEqual([at('a.log'), at('s/c.log')]);
    expect(paths((await runLocal(findModule, { paths: ws.dir(), recurse: true, size: '2k' })).result)).toEqual([at('s/c.log')]);
  });

  it('contents and age', async () => {
    expect(paths((await runLocal(findModule, { paths: ws.dir(), recurse: true, contains: 'needle' })).result)).toEqual([at('a.log'), at('s/deep/d.log')]);
    utimesSync(at('b.txt'), 1000, 1000);
    expect(paths((await runLocal(findModule, { paths: ws.dir(), age: '1d' })).result)).toEqual([at('b.txt')]);
    expect(paths((await runLocal(findModule, { paths: ws.dir(), age: '-1d' })).result)).toEqual([at('a.log')]);
  });

  it('directories, checksums, and a bad size', async () => {
    expect(paths((await runLocal(findModule, { paths: ws.dir(), file_type: 'directory', recurse: true })).result)).toEqual([at('s'), at('s/deep')]);
    const sums = await runLocal(findModule, { paths: ws.dir(), patterns: 'a.log', get_checksum: true });
    expect((sums.result['files'] as Array<Record<string, unknown>>)[0]?.['checksum']).toBe(createHash('sha1').update('needle\n').digest('hex'));
    expect((await runLocal(findModule, { paths: ws.dir(), size: '3x' })).result).toMatchObject({ failed: true, msg: 'failed to process size', size: '3x' });
  });
});

describe('find argument rules', () => {
  it.each([
    [{}, 'missing required arguments: paths'],
    [{ paths: '/tmp', file_type: 'socket' }, 'value of file_type must be one of: any, directory, file, link, got: socket'],
    [{ paths: '/tmp', age: '3y' }, 'failed to process age'],
  ])('%j', async (args, msg) => {
    expect((await runLocal(findModule, args)).result).toMatchObject({ failed: true, msg });
  });
});
