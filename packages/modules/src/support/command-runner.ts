import type { ModuleContext, ModuleResult } from '@tsible/engine';
import { shellJoin } from '@tsible/engine/connection/quote';
import { formatDelta, formatInstant, now } from '@tsible/engine/module-api/timestamps';
import { buildCommandScript, parsePreCheck, type PreCheckOutcome } from './command-script.js';
import { pythonBytesRepr } from './python-repr.js';

export interface CommandRunOptions {
  argv?: readonly string[];
  shellCommand?: string;
  executable?: string | undefined;
  /** What the result shows as `cmd`: argv for command, the string for shell. */
  cmd: string | string[];
  chdir: string | null;
  creates: string | null;
  removes: string | null;
  stdin: string | null;
  stdinAddNewline: boolean;
  stripEmptyEnds: boolean;
}

/** How Ansible shows a command it could not start: the argv joined and quoted. */
function commandLine(options: CommandRunOptions): string {
  return options.argv === undefined ? options.shellCommand ?? '' : shellJoin(options.argv);
}

/** Ansible's `always` keys of command/shell, before anything ran. */
function baseResult(cmd: string | string[]): ModuleResult {
  return { changed: false, stdout: '', stderr: '', rc: null, cmd, start: null, end: null, delta: null, msg: '' };
}

function preCheckResult(outcome: PreCheckOutcome, options: CommandRunOptions, checkMode: boolean): ModuleResult {
  const result = baseResult(options.cmd);
  const chdirFailure = (errno: string): ModuleResult => ({
    ...result,
    failed: true,
    msg: `Unable to change directory before execution: ${errno}: ${pythonBytesRepr(options.chdir ?? '')}`,
  });
  const verb = checkMode ? 'Would' : 'Did';
  const program = options.argv?.[0] ?? '';
  switch (outcome) {
    case 'chdir-missing':
      return chdirFailure('[Errno 2] No such file or directory');
    case 'chdir-not-directory':
      return chdirFailure('[Errno 20] Not a directory');
    case 'chdir-denied':
      return chdirFailure('[Errno 13] Permission denied');
    case 'creates-exists':
      return { ...result, rc: 0, stdout: `skipped, since ${options.creates} exists`, msg: `${verb} not run command since '${options.creates}' exists` };
    case 'removes-missing':
      return {
        ...result,
        rc: 0,
        stdout: `skipped, since ${options.removes} does not exist`,
        msg: `${verb} not run command since '${options.removes}' does not exist`,
      };
    case 'not-found':
      return { changed: false, cmd: commandLine(options), failed: true, rc: 2, stdout: '', stderr: '', msg: `[Errno 2] No such file or directory: ${pythonBytesRepr(program)}` };
    case 'not-executable':
      return { changed: false, cmd: commandLine(options), failed: true, rc: 13, stdout: '', stderr: '', msg: `[Errno 13] Permission denied: ${pythonBytesRepr(program)}` };
    case 'check-mode': {
      const skipped = options.creates === null && options.removes === null;
      const checked: ModuleResult = { ...result, changed: !skipped, rc: 0, msg: 'Command would have run if not in check mode' };
      return skipped ? { ...checked, skipped: true } : checked;
    }
  }
}

const stripEnds = (text: string): string => text.replace(/[\r\n]+$/, '');

/**
 * Runs a command the way Ansible's command module does, in one remote exec,
 * and returns the module's result (rc, stdout, stderr, start/end/delta, ...).
 */
export async function runCommand(ctx: ModuleContext, options: CommandRunOptions): Promise<ModuleResult> {
  const { script, nonce } = buildCommandScript({
    ...(options.argv === undefined ? {} : { argv: options.argv }),
    ...(options.shellCommand === undefined ? {} : { shellCommand: options.shellCommand }),
    ...(options.executable === undefined ? {} : { executable: options.executable }),
    chdir: options.chdir,
    creates: options.creates,
    removes: options.removes,
    hasStdin: options.stdin !== null,
    checkMode: ctx.checkMode,
  });
  const stdin = options.stdin === null ? undefined : options.stdinAddNewline ? `${options.stdin}\n` : options.stdin;
  const started = now();
  const run = await ctx.connection.run({
    script,
    ...(stdin === undefined ? {} : { stdin }),
    ...(ctx.become === undefined ? {} : { become: ctx.become }),
    ...(ctx.timeoutMs === undefined ? {} : { timeoutMs: ctx.timeoutMs }),
  });
  const ended = now();
  const stdout = run.stdout.toString('utf8');
  const outcome = parsePreCheck(stdout, nonce);
  if (outcome !== undefined) return preCheckResult(outcome, options, ctx.checkMode);

  const stderr = run.stderr.toString('utf8');
  const result: ModuleResult = {
    ...baseResult(options.cmd),
    changed: true,
    rc: run.rc,
    start: formatInstant(started),
    end: formatInstant(ended),
    delta: formatDelta(started, ended),
    stdout: options.stripEmptyEnds ? stripEnds(stdout) : stdout,
    stderr: options.stripEmptyEnds ? stripEnds(stderr) : stderr,
  };
  if (run.rc !== 0) return { ...result, failed: true, msg: 'non-zero return code' };
  return result;
}
