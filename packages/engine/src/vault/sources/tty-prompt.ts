import { closeSync, openSync } from 'node:fs';
import { ReadStream, WriteStream } from 'node:tty';
import { passwordSourceError } from '../errors.js';
import { TsibleError, ExitCode } from '../../errors/tsible-error.js';

/** Asks one question; `hidden` answers are not echoed. */
export type Prompter = (question: string, hidden: boolean) => Promise<string>;

const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const BACKSPACE = new Set(['\u007f', '\b']);

/**
 * Prompts on the controlling terminal (like getpass), so input piped on stdin
 * stays data. Without a terminal this is a clear error rather than a hang.
 */
export const ttyPrompter: Prompter = (question, hidden) => {
  let readFd = -1;
  let writeFd: number;
  try {
    readFd = openSync('/dev/tty', 'r');
    writeFd = openSync('/dev/tty', 'w');
  } catch {
    if (readFd >= 0) closeSync(readFd);
    return Promise.reject(
      passwordSourceError(
        'Cannot prompt for a vault password: there is no terminal',
        'use --vault-password-file FILE or --vault-id label@FILE when running without a terminal',
      ),
    );
  }
  // Each stream owns (and closes) its own descriptor.
  const input = new ReadStream(readFd);
  const output = new WriteStream(writeFd);
  return new Promise<string>((resolve, reject) => {
    let answer = '';
    const finish = (error?: Error): void => {
      input.setRawMode(false);
      input.removeListener('data', onData);
      output.end('\n');
      input.destroy();
      if (error) reject(error);
      else resolve(answer);
    };
    const onData = (chunk: Buffer): void => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === CTRL_C) return finish(new TsibleError('User interrupted execution', { code: 'TSIBLE_INTERRUPTED', exitCode: ExitCode.interrupted }));
        if (ch === CTRL_D) return finish(passwordSourceError('EOFError (ctrl-d) on prompt'));
        if (BACKSPACE.has(ch)) {
          if (answer.length > 0) {
            answer = [...answer].slice(0, -1).join('');
            if (!hidden) output.write('\b \b');
          }
          continue;
        }
        answer += ch;
        if (!hidden) output.write(ch);
      }
    };
    // Echo goes off before the question shows, so an early answer is never displayed.
    input.setRawMode(true);
    input.on('data', onData);
    output.write(question);
  });
};
