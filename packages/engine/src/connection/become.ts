import { randomBytes } from 'node:crypto';
import { TsibleError } from '../errors/tsible-error.js';
import { shellJoin, shellQuote } from './quote.js';
import { shellSplit } from './shell-split.js';
import type { BecomeOptions } from './types.js';

/**
 * Privilege escalation wraps the command line; the transport only runs it.
 * The wrapped command first prints a one-off success marker, so the runner
 * can tell "sudo/su let us in" apart from the command's own output and
 * knows when it is safe to send stdin. The password is never part of the
 * command: it is written to stdin when the prompt shows up.
 */
export interface BecomePlan {
  method: BecomeOptions['method'];
  line: string;
  /** su reads the password from a terminal; sudo -S reads stdin. */
  needsPty: boolean;
  successMarker: string;
  /** What the prompt looks like on the prompt stream. */
  prompt: RegExp;
  /** Where the prompt appears: sudo -S uses stderr; with a pty all is stdout. */
  promptStream: 'stdout' | 'stderr';
  password: string | undefined;
}

const SUDO_DEFAULT_FLAGS = '-H -S -n';
/** Prompts su prints (C locale and common translations), as Ansible matches them. */
const SU_PROMPT = /(?:^|\n|\r)\s*(?:Password|Passwort|Mot de passe|Contraseña|Senha|Wachtwoord|Lösenord|Пароль|密码|密碼|パスワード|암호)\s*[:：]\s*$/i;

export function uniqueToken(): string {
  return randomBytes(16).toString('hex');
}

/** su reads its password from a terminal, so the whole command runs on one. */
export function becomeNeedsTerminal(become: BecomeOptions): boolean {
  return become.method === 'su';
}

export function wrapWithBecome(line: string, become: BecomeOptions, token = uniqueToken()): BecomePlan {
  const successMarker = `BECOME-SUCCESS-${token}`;
  const inner = `echo ${successMarker}; ${line}`;
  if (become.method === 'sudo') return sudoPlan(inner, become, token, successMarker);
  if (become.method === 'su') return suPlan(inner, become, successMarker);
  throw new TsibleError(`unsupported become method '${String(become.method)}'`, {
    code: 'TSIBLE_BECOME_METHOD',
    hint: 'supported: sudo, su',
  });
}

function sudoPlan(inner: string, become: BecomeOptions, token: string, successMarker: string): BecomePlan {
  let flags = shellSplit(become.flags ?? SUDO_DEFAULT_FLAGS);
  const prompt = `[sudo via tsible, key=${token}] password:`;
  const words: string[] = ['sudo'];
  if (become.password !== undefined) {
    // -n would make sudo fail instead of asking; the prompt marks when to answer.
    flags = flags.filter((flag) => flag !== '-n' && flag !== '--non-interactive').map((f) => (/^-[A-Za-z]+$/.test(f) ? f.replace(/n/g, '') : f));
    flags = flags.filter((flag) => flag !== '-');
    words.push(...flags, '-p', prompt);
  } else {
    words.push(...flags);
  }
  if (become.user !== '') words.push('-u', become.user);
  return {
    method: 'sudo',
    line: `${shellJoin(words)} sh -c ${shellQuote(inner)}`,
    needsPty: false,
    successMarker,
    prompt: new RegExp(escapeRegExp(prompt)),
    promptStream: 'stderr',
    password: become.password,
  };
}

function suPlan(inner: string, become: BecomeOptions, successMarker: string): BecomePlan {
  // On a pty input and output would be rewritten (CR/LF, echo, ^C, ^D); raw
  // mode before the marker makes everything after it byte-exact.
  const command = `stty raw -echo 2>/dev/null; ${inner}`;
  const words = ['su', ...shellSplit(become.flags ?? ''), ...(become.user !== '' ? [become.user] : [])];
  return {
    method: 'su',
    line: `${shellJoin(words)} -c ${shellQuote(`sh -c ${shellQuote(command)}`)}`,
    needsPty: becomeNeedsTerminal(become),
    successMarker,
    prompt: SU_PROMPT,
    promptStream: 'stdout',
    password: become.password,
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
