import { shellJoin, shellQuote } from '@tsible/engine/connection/quote';
import type { ScriptOutcome } from './run-script.js';

/**
 * sh function for settings modules that run a tool and report its outcome as
 * Ansible's run_command does: `ts_cmd TAG ARGV...` prints
 * `@cmd TAG RC STDOUT STDERR` (output base64) and returns the tool's status.
 */
export const COMMAND_RECORD_FUNCTION = `ts_cmd() {
  ts_tag=$1; shift
  ts_of=$(mktemp) && ts_ef=$(mktemp) || ts_fail 'could not create a temporary file'
  "$@" >"$ts_of" 2>"$ts_ef" </dev/null; ts_rc=$?
  printf '@cmd\\t%s\\t%s\\t%s\\t%s\\n' "$ts_tag" "$ts_rc" "$(base64 < "$ts_of" | tr -d '\\n')" "$(base64 < "$ts_ef" | tr -d '\\n')"
  rm -f -- "$ts_of" "$ts_ef"
  return "$ts_rc"
}`;

/** sh running argv under TAG; a failure stops the script (the controller reads the record). */
export function commandCall(tag: string, argv: readonly string[], stopOnFailure = true): string {
  return `ts_cmd ${shellQuote(tag)} ${shellJoin(argv)}${stopOnFailure ? ' || exit 0' : ''}`;
}

export interface RecordedCommand {
  rc: number;
  stdout: string;
  stderr: string;
}

export function recordedCommand(outcome: ScriptOutcome, tag: string): RecordedCommand | undefined {
  const record = outcome.records.get('@cmd')?.find((r) => r[0] === tag);
  if (record === undefined) return undefined;
  const text = (b64: string | undefined): string => Buffer.from(b64 ?? '', 'base64').toString('utf8');
  return { rc: Number(record[1]), stdout: text(record[2]), stderr: text(record[3]) };
}

/** Ansible's run_command(check_rc=True) failure: stderr as the message, plus the command's keys. */
export function commandFailure(cmd: string, ran: RecordedCommand): { msg: string; extra: Record<string, unknown> } {
  return { msg: ran.stderr.trimEnd(), extra: { cmd, rc: ran.rc, stdout: ran.stdout, stderr: ran.stderr } };
}
