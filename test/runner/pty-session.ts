/**
 * Runs a command on a pseudo-terminal (util-linux `script`) so it sees a
 * TTY on stdin and stdout; the test waits for text and types keys.
 * Every wait is bounded, and the process is killed when the test ends.
 */
import { spawn, type ChildProcess } from 'node:child_process';

const quote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

export class PtySession {
  private readonly child: ChildProcess;
  private output = '';
  private readonly exited: Promise<number | null>;

  constructor(argv: readonly string[], env: NodeJS.ProcessEnv = {}) {
    this.child = spawn('script', ['-qfec', argv.map(quote).join(' '), '/dev/null'], { env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    const collect = (d: Buffer): void => void (this.output += d.toString('utf8'));
    this.child.stdout!.on('data', collect);
    this.child.stderr!.on('data', collect);
    this.exited = new Promise((resolve) => this.child.on('close', (code) => resolve(code)));
  }

  /** Everything printed so far, with the terminal's CR LF as LF. */
  get text(): string {
    return this.output.replace(/\r\n/g, '\n');
  }

  /** Waits until the output (from `from` on) contains `needle`; returns the index just after it. */
  async expect(needle: string, from = 0, timeoutMs = 20_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const at = this.text.indexOf(needle, from);
      if (at >= 0) return at + needle.length;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${JSON.stringify(needle)}; output so far:\n${this.text}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  type(keys: string): void {
    this.child.stdin!.write(keys);
  }

  /** The exit code (bounded wait; the process is killed past it). */
  async exit(timeoutMs = 30_000): Promise<number | null> {
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}
