import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { frameScript, GROUPED_SCRIPT_LINE, groupScript, loaderLine } from './script-framing.js';
import { shellQuote } from '../quote.js';

/** Each shell the loader must work under, with its own dd and wc (busybox: its applets). */
const shells: Array<{ name: string; tools: Record<string, string> }> = [
  { name: 'dash', tools: { sh: '/usr/bin/dash', dd: '/usr/bin/dd', wc: '/usr/bin/wc', cat: '/usr/bin/cat', printf: '/usr/bin/printf' } },
  { name: 'bash', tools: { sh: '/usr/bin/bash', dd: '/usr/bin/dd', wc: '/usr/bin/wc', cat: '/usr/bin/cat', printf: '/usr/bin/printf' } },
  { name: 'busybox', tools: { sh: '/usr/bin/busybox', dd: '/usr/bin/busybox', wc: '/usr/bin/busybox', cat: '/usr/bin/busybox', printf: '/usr/bin/busybox' } },
];

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'framing-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function binDir(shell: (typeof shells)[number]): string {
  const dir = join(root, shell.name);
  mkdirSync(dir, { recursive: true });
  try {
    Object.entries(shell.tools).forEach(([tool, target]) => symlinkSync(target, join(dir, tool)));
  } catch {
    // already linked by an earlier test
  }
  return dir;
}

/** Runs the loader with `input` written in pieces of `chunk` bytes, a pause between them. */
function runLoader(shell: (typeof shells)[number], input: Buffer, chunk: number, terminal = false, line = loaderLine(terminal)): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
  const dir = binDir(shell);
  return new Promise((resolve, reject) => {
    const child = spawn(join(dir, 'sh'), ['-c', line], { env: { PATH: dir }, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr: err }));
    child.stdin.on('error', () => undefined);
    let offset = 0;
    const next = (): void => {
      if (offset >= input.length) return void child.stdin.end();
      child.stdin.write(input.subarray(offset, offset + chunk));
      offset += chunk;
      setTimeout(next, 1);
    };
    next();
  });
}

const everyByte = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

describe.each(shells)('the script loader under $name', (shell) => {
  it('runs the script exactly and hands the binary payload that follows it to the script byte-exact', async () => {
    const payload = Buffer.concat([everyByte, everyByte.reverse(), Buffer.from('\n\n')]);
    const result = await runLoader(shell, frameScript(Buffer.from('cat'), payload), 1 << 16);
    expect(result.stderr).toBe('');
    expect(result.stdout.equals(payload)).toBe(true);
  });

  it('reads a large script delivered in small pieces (short reads) without taking a byte of the payload', async () => {
    const big = 'x'.repeat(150_000);
    const lines = Array.from({ length: 2000 }, (_, i) => `v${i}='${i}'`).join('\n');
    const script = Buffer.from(`${lines}\nbig='${big}'\nprintf '%s|%s|' "\${#big}" "$v1999"\ncat\n`);
    const payload = Buffer.concat(Array.from({ length: 600 }, () => everyByte));
    const result = await runLoader(shell, frameScript(script, payload), 7_001);
    expect(result.stderr).toBe('');
    const head = Buffer.from('150000|1999|');
    expect(result.stdout.subarray(0, head.length).toString()).toBe(head.toString());
    expect(result.stdout.subarray(head.length).equals(payload)).toBe(true);
  }, 60_000);

  it('keeps trailing newlines and quotes, leaves no loader variables behind, and passes the exit code', async () => {
    const script = `printf '%s' "\${n-unset}\${t-unset}\${s-unset}\${r-unset}"; printf 'a\\n\n\n\\\\ '; exit 3\n\n\n`;
    for (const padding of ['', `# ${'x'.repeat(5000)}\n`]) {
      const result = await runLoader(shell, frameScript(Buffer.from(padding + script), undefined), padding ? 301 : 3);
      expect(result).toEqual({ code: 3, stdout: Buffer.from('unsetunsetunsetunseta\n\n\n\\ '), stderr: '' });
    }
  });

  it.each([
    ['small', 'echo ran'],
    ['large', `echo ran # ${'x'.repeat(10_000)}`],
  ])('fails clearly, without running anything, when a %s script is cut short', async (_size, script) => {
    const framed = frameScript(Buffer.from(script), undefined);
    const result = await runLoader(shell, framed.subarray(0, framed.length - 3), 1 << 16);
    expect(result.code).toBe(125);
    expect(result.stdout.toString()).toBe('');
    expect(result.stderr).toContain('the script on stdin ended early');
  });
});

describe.each(shells)('the terminal (su) loader under $name', (shell) => {
  it.each([
    ['small', 'cat; echo end'],
    ['large', `# ${'x'.repeat(10_000)}\ncat; echo end`],
  ])('counts the payload out to a %s script, which then sees the end of its input', async (_size, script) => {
    const payload = Buffer.concat([everyByte, Buffer.from('\x04 no newline')]);
    // What follows the payload on a terminal must not reach the script.
    const input = Buffer.concat([frameScript(Buffer.from(script), payload), Buffer.from('after')]);
    const result = await runLoader(shell, input, 4096, true);
    expect(result.stderr).toBe('');
    expect(result.stdout.equals(Buffer.concat([payload, Buffer.from('end\n')]))).toBe(true);
  });

  it('gives a script without payload an empty input', async () => {
    const result = await runLoader(shell, Buffer.concat([frameScript(Buffer.from('cat; echo end'), undefined), Buffer.from('after')]), 4096, true);
    expect(result.stdout.toString()).toBe('end\n');
  });
});

describe.each(shells)('a script without payload read by sh -s under $name', (shell) => {
  const run = (script: string, chunk: number) => runLoader(shell, groupScript(Buffer.from(script)), chunk, false, GROUPED_SCRIPT_LINE);

  it('runs all of a large script delivered in pieces; its commands read an empty stdin, not the script', async () => {
    const filler = Array.from({ length: 2000 }, (_, i) => `v${i}='${i}'`).join('\n');
    const result = await run(`${filler}\nprintf '%s|' "$(cat)" "$v1999"\nexit 4`, 1001);
    expect(result).toEqual({ code: 4, stdout: Buffer.from('|1999|'), stderr: '' });
  });

  it('keeps quoted trailing newlines and here-documents as written', async () => {
    const result = await run(`cat <<'EOF'\n}\n$HOME\nEOF\nprintf 'a\n\n\n'`, 5);
    expect(result.stdout.toString()).toBe('}\n$HOME\na\n\n\n');
  });
});

describe('loaderLine', () => {
  it('is fixed text: the same for every script', () => {
    expect(loaderLine(false)).toMatch(/^exec sh -c '/);
    expect(loaderLine(true)).not.toBe(loaderLine(false));
    expect(shellQuote(loaderLine(false))).not.toContain('\n#');
  });
});
