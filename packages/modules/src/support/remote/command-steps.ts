import type { ModuleResult } from '@tsible/engine';
import { shellJoin, shellQuote } from '@tsible/engine/connection/quote';
import { failed, firstRecord, type ScriptOutcome } from './run-script.js';

/**
 * sh helper for modules that run system commands in sequence: ts_run NAME
 * CMD... reports the step, runs it (stdout kept as @o records) and stops the
 * script at the first non-zero status, its stderr left as the failure's
 * text, as Ansible's run_command(check_rc=True) fails a module.
 */
export const STEP_FUNCTIONS = `ts_run() { printf '@S\\t%s\\n' "$1"; shift; ts_o=$("$@"); ts_rc=$?; [ -z "$ts_o" ] || printf '%s\\n' "$ts_o" | sed 's/^/@o\\t/'; [ "$ts_rc" = 0 ] || { printf '@F\\t%s\\n' "$ts_rc"; exit 0; }; }`;

/** A ts_run call; `program` is a shell word as is (e.g. "$ts_ipt"), the rest is quoted. */
export function stepCall(name: string, argv: readonly string[], program?: string): string {
  const words = program === undefined ? shellJoin(argv) : `${program} ${shellJoin(argv)}`;
  return `ts_run ${shellQuote(name)} ${words}`;
}

export interface StepFailure {
  /** The name of the step that failed. */
  step: string | undefined;
  rc: number;
  stdout: string;
  stderr: string;
}

export function stepFailure(outcome: ScriptOutcome): StepFailure | undefined {
  const record = firstRecord(outcome, '@F');
  if (record === undefined) return undefined;
  return { step: firstRecord(outcome, '@S')?.[0], rc: Number(record[0]), stdout: stepOutput(outcome), stderr: outcome.run.stderr.toString('utf8') };
}

/** What the steps printed on stdout. */
export function stepOutput(outcome: ScriptOutcome): string {
  return (outcome.records.get('@o') ?? []).map((fields) => `${fields.join('\t')}\n`).join('');
}

/** Ansible's failure of run_command(check_rc=True): the stderr as the message, plus cmd, rc, stdout, stderr. */
export function commandFailed(failure: StepFailure, cmd: readonly string[]): ModuleResult {
  return failed(failure.stderr.trimEnd(), { cmd: shellJoin(cmd), rc: failure.rc, stdout: failure.stdout, stderr: failure.stderr });
}
