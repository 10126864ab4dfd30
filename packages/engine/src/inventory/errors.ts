import { ExitCode, TsibleError } from '../errors/tsible-error.js';
import type { SourceLocation } from '../errors/source-location.js';

/** Inventory errors: a stable code, Ansible's wording, and where in the source it happened. */
export class InventoryError extends TsibleError {
  constructor(message: string, code: string, options: { location?: SourceLocation | undefined; hint?: string; exitCode?: number } = {}) {
    super(message, {
      code,
      location: options.location,
      hint: options.hint,
      exitCode: options.exitCode ?? ExitCode.error,
    });
    this.name = 'InventoryError';
  }
}

/** A source could not be parsed: Ansible's parser-error exit code. */
export function syntaxError(message: string, location: SourceLocation | undefined, hint?: string): InventoryError {
  return new InventoryError(message, 'TSIBLE_INVENTORY_SYNTAX', {
    location,
    exitCode: ExitCode.parserError,
    ...(hint === undefined ? {} : { hint }),
  });
}

/** The same error pointing at `location`, when it does not point anywhere yet. */
export function locate(err: unknown, location: SourceLocation): unknown {
  if (!(err instanceof InventoryError) || err.location) return err;
  return new InventoryError(err.message, err.code, { location, exitCode: err.exitCode, ...(err.hint === undefined ? {} : { hint: err.hint }) });
}
