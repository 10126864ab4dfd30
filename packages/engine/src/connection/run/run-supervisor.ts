import { constants } from 'node:os';
import type { BecomePlan } from '../become.js';
import { BecomeHandshake, type HandshakeStep } from './become-handshake.js';
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


/**
 * Drives one started process to its end: lets the become handshake answer
 * its prompt, sends stdin once escalation succeeded, bounds the output and
 * enforces timeouts. The same logic serves every transport.
 */
export function superviseRun(channel: ExecChannel, options: SuperviseOptions): Promise<RunResult> {
  return new Promise<RunResult>((resolve, reject) => {
    const budget = { used: 0, limit: options.maxOutputBytes };
    const stdout = new BoundedOutput(budget);
    const stderr = new BoundedOutput(budget);
    const handshake = options.become ? new BecomeHandshake(options.become) : undefined;
    let escalated = handshake === undefined;
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

    const keep = (target: BoundedOutput, chunk: Buffer): void => {
      if (chunk.length > 0 && !target.add(chunk)) fail(outputLimitError(options.host, options.maxOutputBytes));
    };

    const sendStdin = (): void => {
      // On a terminal the loader counts the payload out itself: no ^D needed.
      if (options.stdin !== undefined && options.stdin.length > 0) channel.writeStdin(options.stdin);
      channel.endStdin();
    };

    const follow = (step: HandshakeStep): void => {
      if (step.kind === 'answer') channel.writeStdin(step.data);
      else if (step.kind === 'fail') fail(step.error);
      else if (step.kind === 'escalated') {
        escalated = true;
        keep(stdout, step.rest);
        sendStdin();
      }
    };

    channel.stdout.on('data', (chunk: Buffer) => {
      if (settled) return;
      if (escalated || !handshake) keep(stdout, chunk);
      else follow(handshake.onStdout(chunk));
    });
    channel.stderr?.on('data', (chunk: Buffer) => {
      if (settled) return;
      if (escalated || !handshake) return keep(stderr, chunk);
      const { step, keep: text } = handshake.onStderr(chunk);
      keep(stderr, text);
      follow(step);
    });

    if (handshake) {
      timers.push(
        setTimeout(() => {
          if (!escalated) fail(handshake.timeout(options.becomeTimeoutMs));
        }, options.becomeTimeoutMs),
      );
    } else {
      sendStdin();
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
        if (handshake && !escalated && !timedOut) return fail(handshake.explainEarlyExit(stderr.toBuffer()));
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
