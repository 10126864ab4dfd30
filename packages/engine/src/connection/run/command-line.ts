import { TsibleError } from '../../errors/tsible-error.js';
import { joinBytes, shellJoin, shellQuote, type ShellText } from '../quote.js';
import type { RunRequest } from '../types.js';
import { frameScript, GROUPED_SCRIPT_LINE, groupScript, loaderLine } from './script-framing.js';

export interface CommandLine {
  /** The fixed command line to start (`sh -s` or a loader), never a value of the request. */
  line: string;
  /** What the loader reads: the framed script, then the request's stdin. */
  stdin: Buffer;
  /** The script the host runs (cwd, env, then the script or argv), for logs. */
  script: ShellText;
}

export interface CommandLineOptions {
  /** The command's stdin is a terminal (su): the payload is framed by length. */
  terminal?: boolean;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Turns a request into the command line the remote shell runs and the bytes
 * it reads. Only argv words stay visible in the target's process list (what
 * the user asked to run, as in Ansible); cwd, env values and scripts travel
 * on stdin.
 */
export function buildCommandLine(request: RunRequest, options: CommandLineOptions = {}): CommandLine {
  const hasArgv = request.argv !== undefined;
  const hasScript = request.script !== undefined;
  if (hasArgv === hasScript) {
    throw new TsibleError('a command needs exactly one of argv or script', { code: 'TSIBLE_RUN_REQUEST', owner: 'tsible' });
  }
  if (request.argv !== undefined && request.argv.length === 0) {
    throw new TsibleError('a command needs a program name (argv is empty)', { code: 'TSIBLE_RUN_REQUEST', owner: 'tsible' });
  }
  const prefix = [...cwdPrefix(request.cwd), ...envPrefix(request.env)];
  const body = request.argv !== undefined ? shellJoin(request.argv) : request.script!;
  const script = prefix.length === 0 ? body : joinBytes([...prefix, body], '\n');
  const payload = request.stdin === undefined ? undefined : Buffer.from(request.stdin);
  const scriptBytes = typeof script === 'string' ? Buffer.from(script, 'utf8') : script;
  const terminal = options.terminal === true;
  if (!terminal && (payload === undefined || payload.length === 0)) return { line: GROUPED_SCRIPT_LINE, stdin: groupScript(scriptBytes), script };
  return { line: loaderLine(terminal), stdin: frameScript(scriptBytes, payload), script };
}

function cwdPrefix(cwd: string | undefined): string[] {
  return cwd === undefined ? [] : [`cd ${shellQuote(cwd)} || exit 1`];
}

function envPrefix(env: Readonly<Record<string, string>> | undefined): string[] {
  if (env === undefined) return [];
  return Object.entries(env).map(([name, value]) => {
    if (!ENV_NAME.test(name)) {
      throw new TsibleError(`invalid environment variable name "${name}"`, { code: 'TSIBLE_RUN_REQUEST' });
    }
    return `export ${name}=${shellQuote(value)}`;
  });
}
