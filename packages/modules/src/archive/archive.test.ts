import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runLocal, tempWorkspace } from '../testing/module-harness.js';
import { archiveModule } from './archive.js';
import { globWord } from './glob-word.js';

const ws = tempWorkspace('archive');
beforeEach(ws.setup);
afterEach(ws.cleanup);

function makeTree(): string {
  const tree = join(ws.dir(), 'site');
  mkdirSync(join(tree, 'css'), { recursive: true });
  writeFileSync(join(tree, 'index.html'), '<h1>hi</h1>\n');
  writeFileSync(join(tree, 'css', 'a.css'), 'a{}\n');
  writeFileSync(join(tree, 'debug.log'), 'noise\n');
  return tree;
}

describe('archive', () => {
  it.each(['gz', 'bz2', 'xz', 'tar', 'zip'] as const)('%s: archives a tree, then reports ok though the archive would be rebuilt', async (format) => {
    const tree = makeTree();
    const dest = join(ws.dir(), `site.${format}`);
    const first = await runLocal(archiveModule, { path: tree, dest, format, exclude_path: [join(tree, 'debug.log')] });
    expect(first.result).toMatchObject({ changed: true, dest_state: 'archive', arcroot: `${ws.dir()}/`, dest });
    expect(first.execs).toBe(1);
    const members = format === 'zip' ? execFileSync('unzip', ['-Z', '-1', dest]).toString() : execFileSync('tar', ['-tf', dest]).toString();
    expect(members).toContain('site/css/a.css');
    const second = await runLocal(archiveModule, { path: tree, dest, format, exclude_path: [join(tree, 'debug.log')] });
    expect(second.result).toMatchObject({ changed: false });
    writeFileSync(join(tree, 'index.html'), '<h1>changed</h1>\n');
    expect((await runLocal(archiveModule, { path: tree, dest, format, exclude_path: [join(tree, 'debug.log')] })).result).toMatchObject({ changed: true });
  });

  it('compresses a single file next to itself, and removes the source when asked', async () => {
    const file = join(ws.dir(), 'big.log');
    writeFileSync(file, 'x'.repeat(1000));
    const run = await runLocal(archiveModule, { path: file, remove: true });
    expect(run.result).toMatchObject({ changed: true, dest_state: 'compress', dest: `${file}.gz` });
    expect(existsSync(file)).toBe(false);
    expect(execFileSync('gzip', ['-dc', `${file}.gz`]).toString()).toBe('x'.repeat(1000));
  });

  it('expands globs on the target and reports missing paths', async () => {
    makeTree();
    const dest = join(ws.dir(), 'logs.tar');
    const run = await runLocal(archiveModule, { path: [join(ws.dir(), 'site', '*.log'), join(ws.dir(), 'nope')], dest, format: 'tar' });
    expect(run.result).toMatchObject({ changed: true, dest_state: 'incomplete', missing: [join(ws.dir(), 'nope')], expanded_paths: [join(ws.dir(), 'site', 'debug.log')] });
  });

  it('check mode writes nothing', async () => {
    const tree = makeTree();
    const dest = join(ws.dir(), 'site.tgz');
    expect((await runLocal(archiveModule, { path: tree, dest }, { checkMode: true })).result).toMatchObject({ changed: true });
    expect(existsSync(dest)).toBe(false);
  });

  it('needs dest for a tree, in the words of the collection', async () => {
    const tree = makeTree();
    expect((await runLocal(archiveModule, { path: tree })).result).toMatchObject({ failed: true, msg: 'Error, must specify "dest" when archiving multiple files or trees' });
    expect(readFileSync(join(tree, 'index.html'), 'utf8')).toBe('<h1>hi</h1>\n');
  });
});

describe('glob words', () => {
  it('keeps wildcards active and quotes everything else', () => {
    expect(globWord("/var/log/it's *.log")).toBe(`'/var/log/it'\\''s '*.log`);
    expect(globWord('/a/[0-9]?.txt')).toBe('/a/[0-9]?.txt');
    expect(globWord('/a/$(reboot)')).toBe("'/a/$(reboot)'");
  });
});
