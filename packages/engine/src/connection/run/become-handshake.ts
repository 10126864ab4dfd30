import { TsibleError } from '../../errors/tsible-error.js';
import type { BecomePlan } from '../become.js';

/** What the runner should do after a chunk of output arrived during escalation. */
export type HandshakeStep =
  | { kind: 'wait' }
  /** Write this (the password) to the process's stdin. */
  | { kind: 'answer'; data: Buffer }
  /** sudo/su let us in; `rest` is the command's first stdout after the marker. */
  | { kind: 'escalated'; rest: Buffer }
  | { kind: 'fail'; error: TsibleError };

const INCORRECT = /Sorry, try again|incorrect password|Authentication failure|authentication failed/i;
const PASSWORD_REQUIRED = /a (?:terminal|password) is required|no tty present|askpass/i;

/**
 * Reads a become plan's prompts and success marker out of the output that
 * precedes the command: answers the first prompt with the password, calls a
 * second prompt a wrong password, and explains an escalation that ended early.
 */
export class BecomeHandshake {
  private preamble = Buffer.alloc(0);
  private promptText = '';
  private promptsSeen = 0;
  private passwordSent = false;
  private readonly stripPrompt: RegExp;

  constructor(private readonly plan: BecomePlan) {
    this.stripPrompt = new RegExp(plan.prompt.source, 'g');
  }

  onStdout(chunk: Buffer): HandshakeStep {
    this.preamble = Buffer.concat([this.preamble, chunk]);
    const marker = this.preamble.indexOf(this.plan.successMarker);
    if (marker !== -1) {
      const lineEnd = this.preamble.indexOf(0x0a, marker);
      if (lineEnd === -1) return { kind: 'wait' };
      const rest = this.preamble.subarray(lineEnd + 1);
      this.preamble = Buffer.alloc(0);
      return { kind: 'escalated', rest };
    }
    return this.plan.promptStream === 'stdout' ? this.watchPrompt(chunk.toString('utf8')) : { kind: 'wait' };
  }

  /** `keep` is the stderr text that is not a prompt. */
  onStderr(chunk: Buffer): { step: HandshakeStep; keep: Buffer } {
    if (this.plan.promptStream !== 'stderr') return { step: { kind: 'wait' }, keep: chunk };
    const text = chunk.toString('utf8');
    return { step: this.watchPrompt(text), keep: Buffer.from(text.replace(this.stripPrompt, '')) };
  }

  /** Why the process ended before the marker, given what it said on stderr. */
  explainEarlyExit(stderr: Buffer): TsibleError {
    const said = `${this.preamble.toString('utf8')}${stderr.toString('utf8')}`.trim();
    if (this.passwordSent && INCORRECT.test(said)) return this.error(`Incorrect ${this.plan.method} password`);
    if (!this.passwordSent && PASSWORD_REQUIRED.test(said)) return this.error(`Missing ${this.plan.method} password`);
    return this.error(`privilege escalation (${this.plan.method}) failed${said ? `: ${said}` : ''}`);
  }

  timeout(ms: number): TsibleError {
    return this.error(`Timeout (${Math.round(ms / 1000)}s) waiting for privilege escalation prompt`);
  }

  private watchPrompt(text: string): HandshakeStep {
    this.promptText += text;
    if (!this.plan.prompt.test(this.promptText)) return { kind: 'wait' };
    this.promptText = '';
    this.promptsSeen += 1;
    if (this.plan.password === undefined) return { kind: 'fail', error: this.error(`Missing ${this.plan.method} password`) };
    if (this.promptsSeen > 1) return { kind: 'fail', error: this.error(`Incorrect ${this.plan.method} password`) };
    this.passwordSent = true;
    return { kind: 'answer', data: Buffer.from(`${this.plan.password}\n`) };
  }

  private error(message: string): TsibleError {
    return new TsibleError(message, { code: 'TSIBLE_BECOME_FAILED', owner: 'target' });
  }
}
