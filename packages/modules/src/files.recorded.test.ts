import { execFileSync } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { modules } from './index.js';
import { runLocal, tempWorkspace } from './testing/module-harness.js';
import { loadFileCases } from '../../../test/fixtures/modules/recordings.js';

/** Values that depend on the moment, the process or Ansible's own temp files: compared by type only. */
const VOLATILE = new Set(['atime', 'mtime', 'ctime', 'inode', 'dev', 'version', 'exception', 'src', 'backup_file', 'invocation', 'warnings', 'path_content', 'blocks', 'attr_flags', 'attributes', 'block_size']);
// Same length of temp dir name as record.py's, so a symlink's size (its target's length) agrees.
const ws = tempWorkspace('rcase');
beforeEach(ws.setup);
afterEach(ws.cleanup);

/**
 * get_url cases download from {URL}: served/ over HTTP, answering like the
 * `python3 -m http.server` record.py used (Last-Modified, 304, its 404 reason).
 */
const SERVED = fileURLToPath(new URL('../../../test/fixtures/modules/served/', import.meta.url));
let server: Server;
let url = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const name = (req.url ?? '/').replace(/^\/+/, '');
    let body: Buffer;
    let modified: Date;
    try {
      body = readFileSync(join(SERVED, name));
      modified = statSync(join(SERVED, name)).mtime;
    } catch {
      res.writeHead(404, 'File not found', { 'Content-Type': 'text/html;charset=utf-8' }).end('Not found');
      return;
    }
    const since = req.headers['if-modified-since'];
    if (since !== undefined && Math.floor(modified.getTime() / 1000) <= Math.floor(Date.parse(since) / 1000)) {
      res.writeHead(304).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': body.length, 'Last-Modified': modified.toUTCString() }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function fill(value: unknown, dir: string): unknown {
  return JSON.parse(JSON.stringify(value).split('{D}').join(dir).split('{URL}').join(url)) as unknown;
}

function comparable(value: unknown, dir: string): unknown {
  // tempfile's names end in eight random characters.
  if (typeof value === 'string') return value.split(dir).join('{D}').split(url || '{URL}').join('{URL}').replace(/^(\{D\}\/(?:p\.|ansible\.))[a-z0-9_]{8}/, '$1<random>');
  if (Array.isArray(value)) return value.map((v) => comparable(v, dir));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key.split(dir).join('{D}')] = VOLATILE.has(key) ? typeof inner : comparable(inner, dir);
    // find lists in directory order, which differs between walks.
    if (Array.isArray(out['files'])) out['files'] = [...(out['files'] as Array<{ path: string }>)].sort((a, b) => a.path.localeCompare(b.path));
    return out;
  }
  return value;
}

function snapshot(root: string): Record<string, Record<string, unknown>> {
  const files: Record<string, Record<string, unknown>> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const rel = relative(root, path).split(root.slice(1)).join('{D}');
      const st = lstatSync(path);
      if (st.isSymbolicLink()) files[rel] = { type: 'link', target: readlinkSync(path).split(root).join('{D}') };
      else if (st.isDirectory()) {
        files[rel] = { type: 'directory', mode: `0${(st.mode & 0o7777).toString(8)}` };
        walk(path);
      } else files[rel] = { type: 'file', mode: `0${(st.mode & 0o7777).toString(8)}`, content: readFileSync(path, 'utf8'), nlink: st.nlink };
    }
  };
  walk(root);
  return files;
}

/** An archive's bytes carry times and the compressor's choices: only its presence and mode compare. */
const ARCHIVE_NAME = /\.(tgz|tar|gz|bz2|xz|zip)$/;

/** Archive sizes depend on the tool that wrote them; `archived` lists in directory-walk order. */
function archiveComparable(module: string, result: Record<string, unknown>): Record<string, unknown> {
  if (module !== 'archive') return result;
  const archived = Array.isArray(result['archived']) ? [...(result['archived'] as string[])].sort() : result['archived'];
  return { ...result, archived, ...('size' in result ? { size: typeof result['size'] } : {}) };
}

/** Names that embed a random part or a time: the recorded and our runs can only agree on the pattern. */
function withoutRandomNames(files: Record<string, Record<string, unknown>>): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, found] of Object.entries(files)) {
    const entry = ARCHIVE_NAME.test(name) ? { ...found, content: '<archive>', nlink: undefined } : found;
    out[name.replace(/\.\d+\.\d{4}-\d\d-\d\d@\d\d:\d\d:\d\d~$/, '.<backup>~').replace(/^(p\.|ansible\.)[A-Za-z0-9_]+/, '$1<random>')] = entry;
  }
  return out;
}

const cases = loadFileCases().filter(({ input }) => modules.has(input.module));

describe.each(cases.map((c) => [c.input.name, c] as const))('%s matches ansible 2.14', (_name, { input, recorded }) => {
  it('same status, return keys, values and resulting files', async () => {
    const dir = ws.dir();
    if (input.setup !== undefined) execFileSync('sh', ['-c', input.setup.split('{D}').join(dir)]);
    const module = modules.get(input.module);
    if (module === undefined) throw new Error(`no module ${input.module}`);
    const run = await runLocal(module, fill(input.args, dir) as Record<string, unknown>, {
      checkMode: input.check === true,
      extra: { controller: { inventoryHostname: 'localhost', searchPaths: [dir], workDir: dir } },
    });
    expect(run.status).toBe(recorded.status);
    const ours = archiveComparable(input.module, comparable(run.result, dir) as Record<string, unknown>);
    const theirs = archiveComparable(input.module, comparable(recorded.result, '{D}') as Record<string, unknown>);
    expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort());
    expect(ours).toEqual(theirs);
    expect(withoutRandomNames(snapshot(dir))).toEqual(withoutRandomNames(recorded.files));
  });
});
