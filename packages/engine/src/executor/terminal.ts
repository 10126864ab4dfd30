import { ExitCode, TsibleError } from '../errors/tsible-error.js';

/** Key presses read one at a time in raw mode (nothing echoed, Ctrl-C arrives as a key) until closed. */
export interface KeyReader {
  next(): Promise<string>;
  close(): void;
}

/**
 * The user's terminal, when the run has one: --step, vars_prompt and pause
 * read answers from it. Its output goes where the run's output goes.
 */
export interface Terminal {
  write(text: string): void;
  /** One line typed after `prompt`; not echoed when `echo` is false. Ctrl-C rejects with `interrupted()`. */
  readLine(prompt: string, echo: boolean): Promise<string>;
  rawKeys(): KeyReader;
}

export const CTRL_C = '\u0003';

/** What Ctrl-C at a prompt ends the run with, as ansible-playbook (exit 99). */
export function interrupted(): TsibleError {
  return new TsibleError('User interrupted execution', { code: 'TSIBLE_INTERRUPTED', exitCode: ExitCode.interrupted });
}

/** Reads one line from raw keys: Enter ends it, backspace edits, Ctrl-C rejects; `echo` writes what is typed. */
export async function readLineFrom(keys: KeyReader, write: (text: string) => void, echo: boolean): Promise<string> {
  let line = '';
  try {
    for (;;) {
      const key = await keys.next();
      if (key === '\r' || key === '\n') {
        write('\n');
        return line;
      }
      if (key === CTRL_C) {
        write('\n');
        throw interrupted();
      }
      if (key === '\u007f' || key === '\b') {
        if (line !== '' && echo) write('\b \b');
        line = [...line].slice(0, -1).join('');
        continue;
      }
      if (key === '\u0004') {
        if (line === '') {
          write('\n');
          return line;
        }
        continue;
      }
      line += key;
      if (echo) write(key);
    }
  } finally {
    keys.close();
  }
}
