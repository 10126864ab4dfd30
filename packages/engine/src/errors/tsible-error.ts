import { formatLocation, type SourceLocation } from './source-location.js';

/** Who has to act to fix the problem. */
export type ErrorOwner = 'user' | 'tsible' | 'target';

/** Ansible's exit codes, which tsible keeps so wrappers and CI scripts work unchanged. */
export const ExitCode = {
  ok: 0,
  error: 1,
  hostFailed: 2,
  hostUnreachable: 4,
  parserError: 4,
  badOptions: 5,
  interrupted: 99,
  unexpected: 250,
} as const;

export interface TsibleErrorOptions {
  /** Stable code, e.g. TSIBLE_INVENTORY_SYNTAX. */
  code: string;
  location?: SourceLocation | undefined;
  hint?: string | undefined;
  owner?: ErrorOwner;
  exitCode?: number;
  cause?: unknown;
}

/**
 * Errors are values: a stable code, a plain message, the source location that
 * caused it and a hint. The CLI prints `ERROR! file:line:col: message`; a stack
 * trace only at -vvv.
 */
export class TsibleError extends Error {
  readonly code: string;
  readonly location: SourceLocation | undefined;
  readonly hint: string | undefined;
  readonly owner: ErrorOwner;
  readonly exitCode: number;

  constructor(message: string, options: TsibleErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TsibleError';
    this.code = options.code;
    this.location = options.location;
    this.hint = options.hint;
    this.owner = options.owner ?? 'user';
    this.exitCode = options.exitCode ?? ExitCode.error;
  }

  /** One line (plus an optional hint line) as the user sees it. */
  describe(): string {
    const where = this.location ? `${formatLocation(this.location)}: ` : '';
    const hint = this.hint ? `\n${this.hint}` : '';
    return `${where}${this.message}${hint}`;
  }
}

export function isTsibleError(value: unknown): value is TsibleError {
  return value instanceof TsibleError;
}
