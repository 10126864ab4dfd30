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
