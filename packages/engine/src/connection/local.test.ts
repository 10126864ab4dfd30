import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordingSink } from '../output/events.js';
import { createConnection } from './factory.js';
import type { ConnectionSettings } from './options/settings.js';
import type { Connection } from './types.js';

let dir: string;
let env: Record<string, string | undefined>;

/**
 * A stand-in for sudo that behaves like the real one towards the caller:
 * prompt on stderr, "Sorry, try again." on a wrong password, "a password is
 * required" under -n. FAKE_SUDO_MODE=hang never answers.
 */
const FAKE_SUDO = `#!/bin/sh
prompt='Password:'; nonint=0
while [ $# -gt 0 ]; do case "$1" in -p) prompt=$2; shift 2;; -n) nonint=1; shift;; -u) shift 2;; -H|-S) shift;; *) break;; esac; done
[ "$FAKE_SUDO_MODE" = hang ] && exec sleep 30
if [ $nonint = 1 ]; then echo "sudo: a password is required" >&2; exit 1; fi
tries=0
while [ $tries -lt 3 ]; do
  printf '%s' "$prompt" >&2
  IFS= read -r pw || exit 1
  [ "$pw" = 'right pass' ] && exec "$@"
  echo "Sorry, try again." >&2; tries=$((tries+1))
done
echo "sudo: 3 incorrect password attempts" >&2; exit 1
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'local-conn-'));
  writeFileSync(join(dir, 'sudo'), FAKE_SUDO);
  chmodSync(join(dir, 'sudo'), 0o755);
  env = { ...process.env, PATH: `${dir}:${process.env['PATH'] ?? '/usr/bin:/bin'}` };
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function local(settings: ConnectionSettings = {}): Connection {
  return createConnection('localhost', { ansible_connection: 'local' }, { env, ...settings });
}

describe('local connection: commands', () => {
  it('runs argv and scripts with env, cwd, stdin, exit codes and separate streams', async () => {
    const c = local();
    const argv = await c.run({ argv: ['printf', '%s|', 'a b', "it's", '$HOME', '`id`'] });
    expect(argv.stdout.toString()).toBe("a b|it's|$HOME|`id`|");
    const script = await c.run({ script: 'echo "$GREETING from $(pwd)"; echo oops >&2; exit 7', env: { GREETING: 'hi there' }, cwd: dir });
    expect(script).toMatchObject({ rc: 7 });
    expect(script.stdout.toString()).toBe(`hi there from ${dir}\n`);
    expect(script.stderr.toString()).toBe('oops\n');
    const cat = await c.run({ argv: ['cat'], stdin: Buffer.from([0, 1, 2, 255]) });
    expect([...cat.stdout]).toEqual([0, 1, 2, 255]);
  });

  it('passes non-UTF-8 bytes in argv through byte-exact', async () => {
    const word = Buffer.from([0x41, 0xff, 0xfe, 0x27, 0x0a, 0x80]);
    const result = await local().run({ argv: [Buffer.from('printf'), Buffer.from('%s'), word] });
    expect(result.stdout.equals(word)).toBe(true);
  });

  it('ends a command at its timeout, including its children', async () => {
    const started = Date.now();
    const result = await local().run({ script: 'sleep 20 & sleep 20; echo never', timeoutMs: 300 });
    expect(result.timedOut).toBe(true);
    expect(result.rc).toBe(-15);
    expect(result.stdout.toString()).toBe('');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('fails clearly when output passes maxOutputBytes', async () => {
    await expect(local().run({ script: 'head -c 100000 /dev/zero', maxOutputBytes: 1000 })).rejects.toMatchObject({
      code: 'TSIBLE_OUTPUT_LIMIT',
      message: expect.stringContaining('exceeded 1000 bytes'),
    });
  });

  it('logs commands at debug level with secrets masked', async () => {
    const sink = new RecordingSink();
    await local({ events: sink }).run({ argv: ['echo', 'token=s3cr3t'], secrets: ['s3cr3t'] });
    expect(sink.messages('debug').join('\n')).toContain('token=********');
    expect(sink.messages('debug').join('\n')).not.toContain('s3cr3t');
  });
});

describe('local connection: files', () => {
  it('writes atomically with the requested mode and leaves no temp file', async () => {
    const c = local();
    const target = join(dir, 'out.bin');
    const bytes = Buffer.from([...Array(256).keys()]);
    await c.put(bytes, target, { mode: 0o640 });
    expect(readFileSync(target).equals(bytes)).toBe(true);
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect((await c.get(target)).equals(bytes)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('tsible'))).toEqual([]);
  });

  it('reports a missing directory or file without leaving anything behind', async () => {
    const c = local();
    await expect(c.put(Buffer.from('x'), join(dir, 'nope', 'f'))).rejects.toMatchObject({ code: 'TSIBLE_PUT_FAILED' });
    await expect(c.get(join(dir, 'missing'))).rejects.toMatchObject({ code: 'TSIBLE_GET_FAILED' });
    expect(existsSync(join(dir, 'nope'))).toBe(false);
  });
});

describe('local connection: become (sudo prompt handling)', () => {
  it('answers the prompt on stdin, strips the marker and prompt, then delivers stdin', async () => {
    const result = await local().run({
      argv: ['sh', '-c', 'cat; echo " err" >&2'],
      stdin: 'payload',
      become: { method: 'sudo', user: 'root', password: 'right pass' },
    });
    expect(result.rc).toBe(0);
    expect(result.stdout.toString()).toBe('payload');
    expect(result.stderr.toString()).toBe(' err\n');
    expect(`${result.stdout}${result.stderr}`).not.toContain('right pass');
  });

  it('fails with "Incorrect sudo password" on a wrong password, without echoing it', async () => {
    const error = await local()
      .run({ argv: ['true'], become: { method: 'sudo', user: 'root', password: 'wrong secret' } })
      .catch((e: unknown) => e as Error);
    expect(error).toMatchObject({ code: 'TSIBLE_BECOME_FAILED', message: 'Incorrect sudo password' });
  });

  it('fails with "Missing sudo password" when sudo wants one and none was given', async () => {
    await expect(local().run({ argv: ['true'], become: { method: 'sudo', user: 'root' } })).rejects.toMatchObject({
      message: 'Missing sudo password',
    });
  });

  it('gives up on a privilege escalation that never answers', async () => {
    const started = Date.now();
    await expect(local({ timeoutSeconds: 1, env: { ...env, FAKE_SUDO_MODE: 'hang' } }).run({ argv: ['true'], become: { method: 'sudo', user: 'root', password: 'x' } })).rejects.toMatchObject({
      message: expect.stringMatching(/Timeout \(1s\) waiting for privilege escalation/),
    });
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('refuses su, which needs a terminal', async () => {
    await expect(local().run({ argv: ['true'], become: { method: 'su', user: 'root' } })).rejects.toMatchObject({
      code: 'TSIBLE_BECOME_METHOD',
    });
  });
});
