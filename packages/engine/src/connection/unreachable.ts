import { TsibleError, ExitCode } from '../errors/tsible-error.js';

/** The host could not be reached, or the link died under a command. */
export class UnreachableError extends TsibleError {
  constructor(
    readonly host: string,
    message: string,
    cause?: unknown,
  ) {
    super(message, { code: 'TSIBLE_UNREACHABLE', owner: 'target', exitCode: ExitCode.hostUnreachable, cause });
    this.name = 'UnreachableError';
  }
}
