import { TsibleError, ExitCode } from '../../errors/tsible-error.js';

/** A positive whole number from the command line, or a bad-options error naming the flag. */
export function positiveIntOption(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) {
    throw new TsibleError(`${flag} must be a positive whole number, got '${value}'`, { code: 'TSIBLE_BAD_OPTION', exitCode: ExitCode.badOptions });
  }
  return Number(value);
}
