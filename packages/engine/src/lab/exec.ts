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

/** Where system tools live; root's PATH does not always have the sbin directories. */
const SYSTEM_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** The environment for the lab's commands: the caller's, with the system tool directories on PATH. */
export function labEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const path = (base.PATH ?? '').split(':').filter(Boolean);
  return { ...base, PATH: [...path, ...SYSTEM_DIRS.filter((d) => !path.includes(d))].join(':') };
}

/** The whole environment of a lab host's processes: none of the caller's variables (tokens!) leak into a host. */
export function hostEnv(): NodeJS.ProcessEnv {
  return { PATH: SYSTEM_DIRS.join(':'), LANG: 'C.UTF-8' };
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
    const child = spawn(cmd, args, { stdio: [stdin, 'pipe', 'pipe'], env: labEnv(options.env) });
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
