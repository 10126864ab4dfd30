import { readFileSync } from 'node:fs';
import type { SourceLocation } from '../../errors/source-location.js';
import { TsibleError } from '../../errors/tsible-error.js';

const UNQUOTED_VARIABLE_HINT = `We could be wrong, but this one looks like it might be an issue with
missing quotes. Always quote template expression brackets when they
start a value. For instance:

    with_items:
      - {{ foo }}

Should be written as:

    with_items:
      - "{{ foo }}"
`;

const TASK_UNDEFINED_PREFIX = 'The task includes an option with an undefined variable. The error was: ';

function position(file: string, line: number, column: number): string {
  return `The error appears to be in '${file}': line ${line}, column ${column}, but may\nbe elsewhere in the file depending on the exact syntax problem.\n\nThe offending line appears to be:\n\n`;
}

/** The source lines around a task, with an arrow, as Ansible appends them to task errors. */
export function sourceContext(location: SourceLocation): string | undefined {
  let lines: string[];
  try {
    lines = readFileSync(location.file, 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const target = lines[location.line - 1];
  if (target === undefined) return undefined;
  const previous = location.line >= 2 ? (lines[location.line - 2] ?? '') : '';
  let text: string;
  if (/\w+(\s+)?=(\s+)?[\w/-]+/.test(previous)) {
    const at = previous.trimEnd().indexOf('=');
    text = `${position(location.file, location.line - 1, at + 1)}${previous}\n${' '.repeat(at)}^ here\n`;
  } else {
    text = `${position(location.file, location.line, location.column)}${previous.trimEnd()}\n${target.trimEnd()}\n${' '.repeat(location.column - 1)}^ here\n`;
  }
  if (target.includes('{{') && target.includes('}}')) text += UNQUOTED_VARIABLE_HINT;
  return text;
}

/** The message a failed task shows for an error: Ansible's wording plus where the task is written. */
export function taskErrorMessage(err: TsibleError, location: SourceLocation): string {
  let message = err.message;
  // Ansible appends the original exception's text after its own summary of it.
  if (message.startsWith(TASK_UNDEFINED_PREFIX)) message += `. ${message.slice(TASK_UNDEFINED_PREFIX.length)}`;
  const context = sourceContext(location);
  return context === undefined ? message : `${message}\n\n${context}`;
}
