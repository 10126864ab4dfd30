import fc from 'fast-check';
import type { Connection } from '@tsible/engine';
import { describeLab, useLabHosts } from '../lab/lab.js';
import { connectionPool, isolatedHome, labTarget, targetVars, type SshTarget } from './support/targets.js';

const remoteDir = `/tmp/tsible-conn-test-${process.pid}`;
const nonNulBytes = fc.uint8Array({ minLength: 0, maxLength: 48 }).map((bytes) => Buffer.from(bytes.filter((b) => b !== 0)));
/** Prints each argument followed by NUL, so word boundaries stay visible. */
const PRINT_ARGS = `printf '%s\\0' "$@"`;
const expectWords = (out: Buffer, words: readonly Buffer[]): void => {
  expect(out.equals(Buffer.concat(words.flatMap((w) => [w, Buffer.from([0])])))).toBe(true);
};

describeLab('data over ssh', () => {
  const hosts = useLabHosts(1);
  const home = isolatedHome();
  const pool = connectionPool();
  let target: SshTarget;
  let connection: Connection;
  beforeAll(async () => {
    target = labTarget(hosts()[0]!, 'tester2');
    connection = pool.open('data', targetVars(target), home.settings());
    await connection.run({ argv: ['mkdir', '-p', remoteDir] });
  });
  afterAll(async () => {
    await pool.closeAll();
    home.cleanup();
  });

  it('costs about one round trip per command (TCP_NODELAY: no delayed-ACK stalls)', async () => {
    await connection.run({ argv: ['true'] });
    const started = performance.now();
    for (let i = 0; i < 50; i += 1) await connection.run({ argv: ['true'] });
    const meanMs = (performance.now() - started) / 50;
    // With Nagle on, every exec waits ~40 ms on a delayed ACK.
    expect(meanMs).toBeLessThan(25);
  });

  it('brings back 10 MB of stdout intact', async () => {
    const result = await connection.run({ script: 'head -c 10000000 /dev/zero | tr "\\0" "x"' });
    expect(result.stdout.length).toBe(10_000_000);
    expect(result.stdout.every((b) => b === 0x78)).toBe(true);
  });

  it('stops a command whose output passes maxOutputBytes and keeps the connection usable', async () => {
    await expect(connection.run({ script: 'head -c 300000 /dev/zero', maxOutputBytes: 100_000 })).rejects.toMatchObject({ code: 'TSIBLE_OUTPUT_LIMIT' });
    await expect(connection.run({ argv: ['echo', 'ok'] })).resolves.toMatchObject({ rc: 0 });
  });

  it('round-trips all 256 byte values through put and get, atomically and with the mode asked', async () => {
    const bytes = Buffer.from([...Array(256).keys(), ...Array(256).keys()].reverse());
    const path = `${remoteDir}/all-bytes.bin`;
    await connection.put(Buffer.from('old'), path);
    await connection.put(bytes, path, { mode: 0o640 });
    expect((await connection.get(path)).equals(bytes)).toBe(true);
    const listing = await connection.run({ script: `stat -c '%a' ${path}; ls -A ${remoteDir}` });
    expect(listing.stdout.toString()).toBe('640\nall-bytes.bin\n');
  });

  it('reports a put into a missing directory without leaving a temp file', async () => {
    await expect(connection.put(Buffer.from('x'), `${remoteDir}/missing/f`)).rejects.toMatchObject({ code: 'TSIBLE_PUT_FAILED' });
    await expect(connection.get(`${remoteDir}/nope`)).rejects.toMatchObject({ code: 'TSIBLE_GET_FAILED', message: expect.stringContaining(`${remoteDir}/nope`) });
    const listing = await connection.run({ argv: ['ls', '-A', remoteDir] });
    expect(listing.stdout.toString()).not.toContain('tsible');
  });

  it('runs several commands at once on the one connection', async () => {
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => connection.run({ script: `sleep 0.5; echo ${i}` })));
    expect(results.map((r) => r.stdout.toString().trim())).toEqual(Array.from({ length: 12 }, (_, i) => String(i)));
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('ends a command at its timeout, on the host too', async () => {
    const result = await connection.run({ script: 'sleep 31 & sleep 30', timeoutMs: 300 });
    // sshd kills the group itself (KILL) where it takes signal requests (not for root logins); tsible's own kill sends TERM first.
    expect(result.timedOut).toBe(true);
    expect([-9, -15]).toContain(result.rc);
    const left = await connection.run({ script: 'pgrep -x -f "sleep 3[01]" || true' });
    expect(left.stdout.toString()).toBe('');
  });

  it('delivers argv elements byte-exact (quotes, $, backticks, newlines, unicode, any non-NUL byte)', async () => {
    const special = ["it's", '$HOME', '`id`', 'a\nb', 'ünï €', '"', '\\', ' ', ''].map((s) => Buffer.from(s));
    const fixed = await connection.run({ argv: [Buffer.from('sh'), Buffer.from('-c'), Buffer.from(PRINT_ARGS), Buffer.from('sh'), ...special] });
    expectWords(fixed.stdout, special);
    await fc.assert(
      fc.asyncProperty(fc.array(nonNulBytes, { minLength: 1, maxLength: 4 }), async (words) => {
        const result = await connection.run({ argv: [Buffer.from('sh'), Buffer.from('-c'), Buffer.from(PRINT_ARGS), Buffer.from('sh'), ...words] });
        expectWords(result.stdout, words);
      }),
      { numRuns: 25 },
    );
  });

  it('delivers a script byte-exact, with env values and cwd', async () => {
    await fc.assert(
      fc.asyncProperty(nonNulBytes, async (word) => {
        const script = Buffer.concat([Buffer.from("printf '%s' '"), Buffer.from(word.toString('latin1').replace(/'/g, `'\\''`), 'latin1'), Buffer.from("'")]);
        const result = await connection.run({ script });
        expect(result.stdout.equals(word)).toBe(true);
      }),
      { numRuns: 20 },
    );
    const env = await connection.run({ script: 'printf "%s|%s" "$V" "$(pwd)"', env: { V: "a'b $c `d`" }, cwd: remoteDir });
    expect(env.stdout.toString()).toBe(`a'b $c \`d\`|${remoteDir}`);
  });

  it('runs a large script and then hands it a large binary stdin byte-exact', async () => {
    const filler = Array.from({ length: 3000 }, (_, i) => `v${i}='${'y'.repeat(40)}'`).join('\n');
    const payload = Buffer.concat(Array.from({ length: 8192 }, (_, i) => Buffer.from([i % 256, 255 - (i % 256), 0, 10])));
    const result = await connection.run({ script: `${filler}\nprintf '%s|' "$v2999"; cat`, stdin: payload });
    expect(result.stdout.subarray(0, 41).toString()).toBe(`${'y'.repeat(40)}|`);
    expect(result.stdout.subarray(41).equals(payload)).toBe(true);
  });

  it('keeps scripts, env values and cwd out of the process list on the host', async () => {
    const secret = `canary-${process.pid}-${Date.now()}`;
    await connection.run({ argv: ['mkdir', '-p', `${remoteDir}/${secret}`] });
    const result = await connection.run({
      script: `: ${secret}; for f in /proc/[0-9]*/cmdline; do tr '\\0' ' ' < "$f"; echo; done`,
      env: { TOKEN: secret },
      cwd: `${remoteDir}/${secret}`,
    });
    expect(result.rc).toBe(0);
    expect(result.stdout.toString()).toMatch(/^sh -s /m);
    expect(result.stdout.toString()).not.toContain(secret);
  });

  it('delivers argv byte-exact through sudo', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(nonNulBytes, { minLength: 1, maxLength: 3 }), async (words) => {
        const result = await connection.run({
          argv: [Buffer.from('sh'), Buffer.from('-c'), Buffer.from(PRINT_ARGS), Buffer.from('sh'), ...words],
          become: { method: 'sudo', user: 'root', password: target.password },
        });
        expectWords(result.stdout, words);
      }),
      { numRuns: 10 },
    );
  });

  it('delivers a script and a binary stdin byte-exact through sudo with a password', async () => {
    const payload = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), Buffer.from('no newline at the end')]);
    const result = await connection.run({
      script: `# ${'z'.repeat(10_000)}\nid -un; cat`,
      stdin: payload,
      become: { method: 'sudo', user: 'root', password: target.password },
    });
    expect(result.stdout.subarray(0, 5).toString()).toBe('root\n');
    expect(result.stdout.subarray(5).equals(payload)).toBe(true);
  });
});
