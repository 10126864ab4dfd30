import { constants } from 'node:os';
import { TsibleError } from '../../errors/tsible-error.js';
import type { BecomePlan } from '../become.js';
import type { ChannelExit, ExecChannel } from './exec-channel.js';
import { BoundedOutput, outputLimitError } from './output-limit.js';
import type { RunResult } from '../types.js';

export interface SuperviseOptions {
  host: string;
  stdin: Buffer | undefined;
  become: BecomePlan | undefined;
  /** How long sudo/su may take to let us in. */
  becomeTimeoutMs: number;
  timeoutMs: number | undefined;
  maxOutputBytes: number;
}

const EOT = Buffer.from([0x04]);
const INCORRECT = /Sorry, try again|incorrect password|Authentication failure|authentication failed/i;
const PASSWORD_REQUIRED = /a (?:terminal|password) is required|no tty present|askpass/i;

/**
 * Drives one started process to its end: answers the become prompt, sends
 * stdin once escalation succeeded, bounds the output and enforces timeouts.
 * The same logic serves every transport.
 */
export function superviseRun(channel: ExecChannel, options: SuperviseOptions): Promise<RunResult> {
  return new Promise<RunResult>((resolve, reject) => {
    const budget = { used: 0, limit: options.maxOutputBytes };
    const stdout = new BoundedOutput(budget);
    const stderr = new BoundedOutput(budget);
    const plan = options.become;
    let escalated = plan === undefined;
    let promptsSeen = 0;
    let passwordSent = false;
    let preamble = Buffer.alloc(0);
    let promptText = '';
    let settled = false;
    let timedOut = false;
    const timers: NodeJS.Timeout[] = [];

    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      timers.forEach(clearTimeout);
      channel.terminate();
      reject(error);
    };
    const becomeError = (message: string): TsibleError =>
      new TsibleError(message, { code: 'TSIBLE_BECOME_FAILED', owner: 'target' });
    const methodName = plan?.method ?? 'sudo';

    const sendStdin = (): void => {
      if (options.stdin !== undefined && options.stdin.length > 0) channel.writeStdin(options.stdin);
      if (plan?.needsPty) {
        // A terminal has no EOF of its own: ^D ends input (twice after a partial line).
        const partial = options.stdin !== undefined && options.stdin.length > 0 && options.stdin.at(-1) !== 0x0a;
        channel.writeStdin(partial ? Buffer.concat([EOT, EOT]) : EOT);
      }
      channel.endStdin();
    };

    const keep = (target: BoundedOutput, chunk: Buffer): void => {
      if (!target.add(chunk)) fail(outputLimitError(options.host, options.maxOutputBytes));
    };

    const watchPrompt = (text: string): void => {
      if (!plan || escalated) return;
      promptText += text;
      if (!plan.prompt.test(promptText)) return;
      promptText = '';
      promptsSeen += 1;
      if (plan.password === undefined) {
        fail(becomeError(`Missing ${methodName} password`));
      } else if (promptsSeen > 1) {
        fail(becomeError(`Incorrect ${methodName} password`));
      } else {
        passwordSent = true;
        channel.writeStdin(Buffer.from(`${plan.password}\n`));
      }
    };

    const onStdout = (chunk: Buffer): void => {
      if (settled) return;
      if (escalated) return keep(stdout, chunk);
      preamble = Buffer.concat([preamble, chunk]);
      const marker = preamble.indexOf(plan!.successMarker);
      if (marker !== -1) {
        const lineEnd = preamble.indexOf(0x0a, marker);
        if (lineEnd === -1) return;
        escalated = true;
        const rest = preamble.subarray(lineEnd + 1);
        preamble = Buffer.alloc(0);
        if (rest.length > 0) keep(stdout, rest);
        sendStdin();
        return;
      }
      if (plan!.promptStream === 'stdout') watchPrompt(chunk.toString('utf8'));
    };

    const onStderr = (chunk: Buffer): void => {
      if (settled) return;
      if (!escalated && plan?.promptStream === 'stderr') {
        const text = chunk.toString('utf8');
        watchPrompt(text);
        // The prompt itself is not output of the command.
        const cleaned = text.replace(new RegExp(plan.prompt.source, 'g'), '');
        if (cleaned !== '') keep(stderr, Buffer.from(cleaned));
        return;
      }
      keep(stderr, chunk);
    };

    channel.stdout.on('data', onStdout);
    channel.stderr?.on('data', onStderr);

    if (plan === undefined) {
      sendStdin();
    } else {
      timers.push(
        setTimeout(() => {
          if (!escalated) {
            fail(becomeError(`Timeout (${Math.round(options.becomeTimeoutMs / 1000)}s) waiting for privilege escalation prompt`));
          }
        }, options.becomeTimeoutMs),
      );
    }
    if (options.timeoutMs !== undefined) {
      timers.push(
        setTimeout(() => {
          timedOut = true;
          channel.terminate();
        }, options.timeoutMs),
      );
    }

    channel.finished.then(
      (exit) => {
        if (settled) return;
        if (!escalated && !timedOut) {
          const said = `${preamble.toString('utf8')}${stderr.toBuffer().toString('utf8')}`.trim();
          if (passwordSent && INCORRECT.test(said)) return fail(becomeError(`Incorrect ${methodName} password`));
          if (!passwordSent && PASSWORD_REQUIRED.test(said)) return fail(becomeError(`Missing ${methodName} password`));
          return fail(becomeError(`privilege escalation (${methodName}) failed${said ? `: ${said}` : ''}`));
        }
        settled = true;
        timers.forEach(clearTimeout);
        const result: RunResult = { rc: exitCodeOf(exit), stdout: stdout.toBuffer(), stderr: stderr.toBuffer() };
        if (exit.signal !== undefined) result.signal = exit.signal;
        if (timedOut) result.timedOut = true;
        resolve(result);
      },
      (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))),
    );
  });
}

/** Like Python's subprocess (and so Ansible): a signal-killed command has rc -N. */
function exitCodeOf(exit: ChannelExit): number {
  if (exit.code !== null) return exit.code;
  const name = exit.signal === undefined ? undefined : exit.signal.startsWith('SIG') ? exit.signal : `SIG${exit.signal}`;
  const number = name === undefined ? undefined : (constants.signals as Record<string, number | undefined>)[name];
  return number === undefined ? -1 : -number;
}
