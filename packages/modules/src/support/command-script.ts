import { randomBytes } from 'node:crypto';
import { shellJoin, shellQuote } from '@tsible/engine/connection/quote';
import { remotePathWord } from './remote-path.js';

/** Why the script stopped before running the command. */
export type PreCheckOutcome =
  | 'chdir-missing'
  | 'chdir-not-directory'
  | 'chdir-denied'
  | 'creates-exists'
  | 'removes-missing'
  | 'not-found'
  | 'not-executable'
  | 'check-mode';

const OUTCOMES: readonly PreCheckOutcome[] = [
  'chdir-missing',
  'chdir-not-directory',
  'chdir-denied',
  'creates-exists',
  'removes-missing',
  'not-found',
  'not-executable',
  'check-mode',
];

export interface CommandScriptOptions {
  /** Run without a shell (command module). */
  argv?: readonly string[];
  /** Run through `executable -c` (shell module). */
  shellCommand?: string;
  executable?: string;
  chdir?: string | null;
  creates?: string | null;
  removes?: string | null;
  /** Whether stdin carries data for the command; otherwise it reads /dev/null. */
  hasStdin: boolean;
  checkMode: boolean;
}

export interface CommandScript {
  script: string;
  /** Random marker that starts the script's own report line; a command cannot guess it. */
  nonce: string;
}

/**
 * One POSIX sh script that does everything Ansible's command module does on
 * the target — chdir, creates/removes globs, the executable check — and then
 * execs the command, so a task costs a single remote exec.
 */
export function buildCommandScript(options: CommandScriptOptions): CommandScript {
  const nonce = `tsible-${randomBytes(12).toString('hex')}`;
  const report = (outcome: PreCheckOutcome): string => `{ printf '%s\\n' ${shellQuote(`${nonce} ${outcome}`)}; exit 0; }`;
  const lines: string[] = [];
  if (options.chdir) {
    const dir = remotePathWord(options.chdir);
    lines.push(
      `cd -- ${dir} 2>/dev/null || if [ ! -e ${dir} ]; then ${report('chdir-missing')}; elif [ ! -d ${dir} ]; then ${report('chdir-not-directory')}; else ${report('chdir-denied')}; fi`,
    );
  }
  if (options.creates || options.removes) {
    // IFS='' keeps the pattern one word while still expanding globs, like Python's glob.glob.
    // A function body in braces, not a subshell: one process less on the target.
    lines.push(`tsible_exists() { ts_ifs=$IFS; IFS=''; for f in $1; do if [ -e "$f" ] || [ -L "$f" ]; then IFS=$ts_ifs; return 0; fi; done; IFS=$ts_ifs; return 1; }`);
    if (options.creates) lines.push(`if tsible_exists ${remotePathWord(options.creates)}; then ${report('creates-exists')}; fi`);
    if (options.removes) lines.push(`if ! tsible_exists ${remotePathWord(options.removes)}; then ${report('removes-missing')}; fi`);
  }
  if (options.checkMode) {
    lines.push(report('check-mode'));
    return { script: `${lines.join('\n')}\n`, nonce };
  }
  const redirect = options.hasStdin ? '' : ' </dev/null';
  if (options.argv !== undefined) {
    const program = options.argv[0] ?? '';
    const prog = shellQuote(program);
    if (program.includes('/')) {
      lines.push(`[ -e ${prog} ] || ${report('not-found')}`, `[ -x ${prog} ] && [ ! -d ${prog} ] || ${report('not-executable')}`);
    } else {
      // A PATH search rather than `command -v`, which would also accept shell builtins.
      lines.push(
        `tsible_on_path() { ts_ifs=$IFS; IFS=:; for d in $PATH; do if [ -x "\${d:-.}/$1" ] && [ ! -d "\${d:-.}/$1" ]; then IFS=$ts_ifs; return 0; fi; done; IFS=$ts_ifs; return 1; }`,
        `tsible_on_path ${prog} || ${report('not-found')}`,
      );
    }
    lines.push(`exec ${shellJoin(options.argv)}${redirect}`);
  } else {
    const executable = options.executable ?? '/bin/sh';
    lines.push(`exec ${shellQuote(executable)} -c ${shellQuote(options.shellCommand ?? '')}${redirect}`);
  }
  return { script: `${lines.join('\n')}\n`, nonce };
}

/** The script's own report, if it stopped before the command ran. */
export function parsePreCheck(stdout: string, nonce: string): PreCheckOutcome | undefined {
  if (!stdout.startsWith(`${nonce} `)) return undefined;
  const word = stdout.slice(nonce.length + 1).trim();
  return OUTCOMES.find((o) => o === word);
}
