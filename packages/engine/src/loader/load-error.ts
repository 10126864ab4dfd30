import { ExitCode, TsibleError } from '../errors/tsible-error.js';
import type { SourceText } from './locations.js';

/** Codes of the errors the loader raises; all are parser errors (exit 4). */
export type LoadErrorCode = 'TSIBLE_YAML_SYNTAX' | 'TSIBLE_YAML_VALUE' | 'TSIBLE_JSON_SYNTAX';

/** The offending line with a caret under the column, as Ansible shows it. */
export function offendingLine(source: SourceText, offset: number): string {
  const at = source.locate(offset);
  const line = source.lineText(at.line);
  // Keep tabs so the caret lines up under the same character.
  const pad = line.slice(0, at.column - 1).replace(/[^\t]/g, ' ');
  return `The offending line appears to be:\n\n${line}\n${pad}^ here`;
}

export function loadError(code: LoadErrorCode, message: string, source: SourceText, offset: number): TsibleError {
  return new TsibleError(message, {
    code,
    location: source.locate(offset),
    hint: offendingLine(source, offset),
    exitCode: ExitCode.parserError,
  });
}
