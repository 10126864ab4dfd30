import { becomeNeedsTerminal, wrapWithBecome, type BecomePlan } from '../become.js';
import { buildCommandLine } from './command-line.js';
import type { ExecChannel } from './exec-channel.js';
import type { ShellText } from '../quote.js';
import { superviseRun } from './run-supervisor.js';
import type { RunRequest, RunResult } from '../types.js';

export interface RunContext {
  host: string;
  /** How long become may take to let us in (the connection timeout). */
  becomeTimeoutMs: number;
  /** Used when the request sets no maxOutputBytes. */
  maxOutputBytes: number;
}

/** A request turned into the one command line to start, and how to drive it. */
export interface PreparedRun {
  /** Fixed text (a loader, maybe wrapped for become): no value of the request. */
  line: string;
  /** What the host runs, as it reads it from stdin; for (masked) logs only. */
  script: ShellText;
  become: BecomePlan | undefined;
  needsPty: boolean;
  supervise(channel: ExecChannel): Promise<RunResult>;
}

/** Every transport runs requests the same way: build, wrap for become, start, supervise. */
export function prepareRun(request: RunRequest, context: RunContext): PreparedRun {
  const command = buildCommandLine(request, { terminal: request.become !== undefined && becomeNeedsTerminal(request.become) });
  const become = request.become ? wrapWithBecome(command.line, request.become) : undefined;
  return {
    line: become?.line ?? command.line,
    script: command.script,
    become,
    needsPty: become?.needsPty ?? false,
    supervise: (channel) =>
      superviseRun(channel, {
        host: context.host,
        stdin: command.stdin,
        become,
        becomeTimeoutMs: context.becomeTimeoutMs,
        timeoutMs: request.timeoutMs,
        maxOutputBytes: request.maxOutputBytes ?? context.maxOutputBytes,
      }),
  };
}
