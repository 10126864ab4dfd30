import type { SourceLocation } from '../errors/source-location.js';
import { ExitCode, TsibleError } from '../errors/tsible-error.js';

/** A malformed playbook: Ansible's parser errors exit with 4. */
export function parserError(code: string, message: string, location: SourceLocation | undefined, hint?: string): TsibleError {
  return new TsibleError(message, { code, location, hint, exitCode: ExitCode.parserError });
}

/** Something the playbook refers to is missing (role, imported file): Ansible exits with 1. */
export function loadError(code: string, message: string, location: SourceLocation | undefined, hint?: string): TsibleError {
  return new TsibleError(message, { code, location, hint, exitCode: ExitCode.error });
}

/** A YAML/JSON mapping: a plain object (not a list, a date, bytes or a !vault/!unsafe value). */
export function isMapping(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
