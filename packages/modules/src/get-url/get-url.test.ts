import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { runLocal, tempWorkspace } from '../testing/module-harness.js';
import { getUrlModule } from './get-url.js';
import { checksumFromList } from './checksum.js';
import { downloaderConfig } from './downloader.js';
import { downloadScript } from './get-url-script.js';
import { getUrlSpec, type GetUrlParams } from './get-url-spec.js';

const BODY = 'payload v1\n';
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const ws = tempWorkspace('get_url');
let server: Server;
let base = '';
const seen: IncomingMessage[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req);
    if (req.url === '/secret.txt') {
      if (req.headers.authorization !== `Basic ${Buffer.from('alice:s3cret').toString('base64')}`) {
        res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="x"' }).end();
        return;
      }
      res.end('secret\n');
      return;
    }
    if (req.url === '/SHA256SUMS') {
      res.end(`${sha256('other')}  other.txt\n${sha256(BODY)} *./file.txt\n`);
      return;
    }
    if (req.url !== '/file.txt') {
      res.writeHead(404).end();
      return;
    }
    if (req.headers['if-modified-since'] !== undefined) {
      res.writeHead(304).end();
      return;
    }
    res.writeHead(200, { 'Last-Modified': 'Mon, 01 Jan 2024 00:00:00 GMT' }).end(BODY);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  ws.setup();
  seen.length = 0;
});
afterEach(ws.cleanup);

describe('get_url', () => {
  it('downloads, then finds nothing new (conditional request), in one exec each', async () => {
    const dest = join(ws.dir(), 'out.txt');
    const first = await runLocal(getUrlModule, { url: `${base}/file.txt`, dest, mode: '0640' });
    expect(first.result).toMatchObject({ changed: true, msg: `OK (${BODY.length} bytes)`, status_code: 200, dest, url: `${base}/file.txt`, mode: '0640' });
    expect(first.execs).toBe(1);
    expect(readFileSync(dest, 'utf8')).toBe(BODY);
    const second = await runLocal(getUrlModule, { url: `${base}/file.txt`, dest, mode: '0640' });
    expect(second.result).toMatchObject({ changed: false, status_code: 304 });
    expect(seen[1]?.headers['if-modified-since']).toBeDefined();
  });

  it('force=yes downloads again but changes nothing when the content is the same', async () => {
    const dest = join(ws.dir(), 'out.txt');
    writeFileSync(dest, BODY);
    const run = await runLocal(getUrlModule, { url: `${base}/file.txt`, dest, force: true });
    expect(run.result).toMatchObject({ changed: false, msg: `OK (${BODY.length} bytes)` });
    expect(run.result['checksum_src']).toBe(run.result['checksum_dest']);
  });

  it('with a matching checksum and force=no, keeps the file without asking the server', async () => {
    const dest = join(ws.dir(), 'out.txt');
    writeFileSync(dest, BODY);
    const run = await runLocal(getUrlModule, { url: `${base}/file.txt`, dest, checksum: `sha256:${sha256(BODY)}` });
    expect(run.result).toMatchObject({ changed: false, msg: 'file already exists' });
    expect(seen).toHaveLength(0);
  });

  it('fails on a checksum mismatch and leaves no file behind', async () => {
    const dest = join(ws.dir(), 'out.txt');
    const run = await runLocal(getUrlModule, { url: `${base}/file.txt`, dest, checksum: `sha256:${sha256('nope')}` });
    expect(run.result.failed).toBe(true);
    expect(String(run.result.msg)).toMatch(new RegExp(`^The checksum for .* did not match ${sha256('nope')}; it was ${sha256(BODY)}\\.$`));
    expect(existsSync(dest)).toBe(false);
    expect(readdir(ws.dir())).toEqual([]);
  });

  it('takes the checksum from a checksum list URL', async () => {
    const dest = join(ws.dir(), 'out.txt');
    const run = await runLocal(getUrlModule, { url: `${base}/file.txt`, dest, checksum: `sha256:${base}/SHA256SUMS` });
    expect(run.result).toMatchObject({ changed: true });
    expect(readFileSync(dest, 'utf8')).toBe(BODY);
  });

  it('names the file after the URL when dest is a directory', async () => {
    mkdirSync(join(ws.dir(), 'd'));
    const run = await runLocal(getUrlModule, { url: `${base}/file.txt`, dest: join(ws.dir(), 'd') });
    expect(run.result).toMatchObject({ changed: true, dest: join(ws.dir(), 'd', 'file.txt') });
  });

  it('check mode reports the change and writes nothing', async () => {
    const dest = join(ws.dir(), 'out.txt');
    const run = await runLocal(getUrlModule, { url: `${base}/file.txt`, dest }, { checkMode: true });
    expect(run.result).toMatchObject({ changed: true });
    expect(readdir(ws.dir())).toEqual([]);
  });

  it('fails with the status code of an HTTP error', async () => {
    const run = await runLocal(getUrlModule, { url: `${base}/missing`, dest: join(ws.dir(), 'x') });
    expect(run.result).toMatchObject({ failed: true, msg: 'Request failed', status_code: 404, response: 'HTTP Error 404: Not Found' });
  });

  it('sends credentials from stdin only: the script (argv) never holds the password', async () => {
    const dest = join(ws.dir(), 'secret.txt');
    const run = await runLocal(getUrlModule, { url: `${base}/secret.txt`, dest, url_username: 'alice', url_password: 's3cret' });
    expect(run.result).toMatchObject({ changed: true });
    expect(readFileSync(dest, 'utf8')).toBe('secret\n');
    const params = { ...defaults(), url: `${base}/secret.txt`, dest, url_username: 'alice', url_password: 's3cret' };
    const script = downloadScript({ url: params.url, dest, urlName: 'secret.txt', checksum: null, force: false, backup: false, attrs: { mode: null, owner: null, group: null }, checkMode: false, wgetConfigRequired: true });
    expect(script).not.toContain('s3cret');
    expect(downloaderConfig(params).toString()).toContain('user = "alice:s3cret"');
  });

  it('rejects a checksum without an algorithm in Ansible words', async () => {
    const run = await runLocal(getUrlModule, { url: `${base}/file.txt`, dest: join(ws.dir(), 'x'), checksum: 'abc' });
    expect(run.result).toMatchObject({ failed: true, msg: 'The checksum parameter has to be in format <algorithm>:<checksum>' });
  });
});

describe('checksum lists', () => {
  it('finds a file by name, with binary markers and ./ prefixes, or a lone digest', () => {
    expect(checksumFromList('ABC123  a.txt\ndef456 *./b.txt\n', 'b.txt')).toBe('def456');
    expect(checksumFromList('ABC123\n', 'whatever')).toBe('abc123');
    expect(checksumFromList('abc  a.txt\n', 'c.txt')).toBeNull();
  });
});

function readdir(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}

function defaults(): GetUrlParams {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(getUrlSpec.options)) out[key] = 'default' in spec ? spec.default : null;
  return out as GetUrlParams;
}
