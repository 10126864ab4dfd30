import { spawn } from 'node:child_process';
import { TsibleError } from '../errors/tsible-error.js';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  input?: string;
  env?: NodeJS.ProcessEnv;
  /** Do not throw on a non-zero exit; the caller inspects `code`. */
  allowFailure?: boolean;
}

/**
 * Runs one machine command without a shell (arguments are passed as argv, so
 * nothing here is ever re-parsed) and collects its output.
 */
export function run(argv: readonly string[], options: RunOptions = {}): Promise<CommandResult> {
  const [cmd, ...args] = argv;
  if (cmd === undefined) throw new Error('run() needs a command');
  return new Promise((resolve, reject) => {
    const stdin = options.input === undefined ? 'ignore' : 'pipe';
    const child = spawn(cmd, args, { stdio: [stdin, 'pipe', 'pipe'], env: options.env ?? process.env });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (b: Buffer) => out.push(b));
    child.stderr?.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) =>
      reject(new TsibleError(`cannot run ${cmd}: ${e.message}`, { code: 'TSIBLE_LAB_COMMAND', owner: 'tsible', cause: e })),
    );
    child.on('close', (code, signal) => {
      const result = {
        code: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      };
      if (result.code !== 0 && !options.allowFailure) {
        reject(
          new TsibleError(`lab command failed (exit ${result.code}): ${argv.join(' ')}: ${lastLines(result.stderr || result.stdout)}`, {
            code: 'TSIBLE_LAB_COMMAND',
            owner: 'tsible',
          }),
        );
      } else resolve(result);
    });
    if (child.stdin) {
      // A command may exit before reading all its input; that is its answer, not our error.
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.input);
    }
  });
}

/** The end of a command's output, enough to explain a failure on one line. */
export function lastLines(text: string, count = 3): string {
  return text.trim().split('\n').slice(-count).join(' / ');
}
