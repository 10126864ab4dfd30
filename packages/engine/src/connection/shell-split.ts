import { TsibleError } from '../errors/tsible-error.js';
import { ShlexError, shlexSplit } from '../text/shlex.js';

/** Splits ssh args and become flags as Ansible does (shlex.split), as a bad-options error when unbalanced. */
export function shellSplit(text: string): string[] {
  try {
    return shlexSplit(text);
  } catch (err) {
    if (!(err instanceof ShlexError)) throw err;
    return failSplit(text, err);
  }
}

function failSplit(text: string, err: ShlexError): never {
  throw new TsibleError(`${err.message} in: ${text}`, { code: 'TSIBLE_SHELL_SPLIT', exitCode: 5 });
}
