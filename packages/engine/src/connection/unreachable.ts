import { TsibleError, ExitCode } from '../errors/tsible-error.js';

/** The host could not be reached, or the link died under a command. */
export class UnreachableError extends TsibleError {
  constructor(
    readonly host: string,
    message: string,
    cause?: unknown,
    hint?: string,
  ) {
    super(message, { code: 'TSIBLE_UNREACHABLE', owner: 'target', exitCode: ExitCode.hostUnreachable, cause, hint });
    this.name = 'UnreachableError';
  }
}

export function isUnreachableError(value: unknown): value is UnreachableError {
  return value instanceof UnreachableError;
}
