import { TsibleError } from '../../errors/tsible-error.js';
import { joinBytes, shellJoin, shellQuote, type ShellText } from '../quote.js';
import type { RunRequest } from '../types.js';

/**
 * Above this size a script no longer fits in one exec argument (Linux caps a
 * single argument at 128 KiB), so it travels on stdin to `sh -s` instead.
 */
export const MAX_INLINE_SCRIPT_BYTES = 96 * 1024;

export interface CommandLine {
  /** One POSIX sh command line; every value in it went through shellQuote. */
  line: ShellText;
  /** Bytes for the command's stdin (the request's stdin, or a large script). */
  stdin: Buffer | undefined;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Turns a request into the single command line the remote shell runs. */
export function buildCommandLine(request: RunRequest): CommandLine {
  const hasArgv = request.argv !== undefined;
  const hasScript = request.script !== undefined;
  if (hasArgv === hasScript) {
    throw new TsibleError('a command needs exactly one of argv or script', { code: 'TSIBLE_RUN_REQUEST', owner: 'tsible' });
  }
  const stdin = request.stdin === undefined ? undefined : Buffer.from(request.stdin);
  const prefix = [...cwdPrefix(request.cwd), ...envPrefix(request.env)];
  if (request.argv !== undefined) {
    if (request.argv.length === 0) {
      throw new TsibleError('a command needs a program name (argv is empty)', { code: 'TSIBLE_RUN_REQUEST', owner: 'tsible' });
    }
    const command = shellJoin(request.argv);
    return { line: prefix.length === 0 ? command : joinBytes([...prefix, command]), stdin };
  }
  const script = request.script!;
  const scriptBytes = typeof script === 'string' ? Buffer.byteLength(script) : script.length;
  if (scriptBytes <= MAX_INLINE_SCRIPT_BYTES) {
    return { line: joinBytes([...prefix, 'exec', 'sh', '-c', shellQuote(script)]), stdin };
  }
  if (stdin !== undefined) {
    throw new TsibleError(
      `a script of ${scriptBytes} bytes cannot be sent together with stdin (scripts above ${MAX_INLINE_SCRIPT_BYTES} bytes travel on stdin)`,
      { code: 'TSIBLE_RUN_REQUEST', owner: 'tsible' },
    );
  }
  return { line: joinBytes([...prefix, 'exec', 'sh', '-s']), stdin: Buffer.from(script) };
}

function cwdPrefix(cwd: string | undefined): string[] {
  return cwd === undefined ? [] : ['cd', shellQuote(cwd), '||', 'exit', '1;'];
}

function envPrefix(env: Readonly<Record<string, string>> | undefined): string[] {
  if (env === undefined) return [];
  return Object.entries(env).flatMap(([name, value]) => {
    if (!ENV_NAME.test(name)) {
      throw new TsibleError(`invalid environment variable name "${name}"`, { code: 'TSIBLE_RUN_REQUEST' });
    }
    return [`export ${name}=${shellQuote(value)};`];
  });
}
