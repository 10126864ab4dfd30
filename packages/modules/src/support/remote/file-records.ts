import { shellQuote } from '@tsible/engine/connection/quote';
import type { ScriptOutcome } from './run-script.js';
import { writeCall } from './atomic-write.js';

/**
 * Whole small files travel between controller and target as base64 records,
 * so modules that edit configuration files read several in one exec and
 * write several in another.
 */

/** sh printing `@rf TAG BASE64` when PATH (a shell word) is a regular file. */
export function readFileRecord(tag: string, pathWord: string): string {
  return `if [ -f ${pathWord} ]; then printf '@rf\\t%s\\t%s\\n' ${shellQuote(tag)} "$(base64 < ${pathWord} | tr -d '\\n')"; fi`;
}

/** The text of a file read with readFileRecord, or null when it was not a regular file. */
export function fileText(outcome: ScriptOutcome, tag: string): string | null {
  const record = outcome.records.get('@rf')?.find((fields) => fields[0] === tag);
  return record === undefined ? null : Buffer.from(record[1] ?? '', 'base64').toString('utf8');
}

/** sh replacing PATH atomically with `content`; MODE is a shell word ('' keeps the file's mode or the umask's). */
export function writeContentCall(pathWord: string, content: string | Buffer, mode = "''"): string {
  const data = shellQuote((typeof content === 'string' ? Buffer.from(content, 'utf8') : content).toString('base64'));
  // ts_write runs in the pipeline's subshell: its failure record is printed, then the script stops.
  return `printf '%s' ${data} | base64 -d | ${writeCall(pathWord, { mode, owner: null, group: null, backup: false })} || exit 0`;
}

/** Python's readlines(): lines keep their newline, a last line without one is kept as is. */
export function readLines(content: string): string[] {
  return content.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}
