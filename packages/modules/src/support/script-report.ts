import { randomBytes } from 'node:crypto';
import type { ModuleContext, ModuleResult, RunResult } from '@tsible/engine';

/**
 * A module script's report to the controller: lines `NONCE key value` are
 * records, `NONCE begin NAME` ... `NONCE close` frames captured output (the
 * script adds one newline after it), `NONCE warn TEXT` is a warning and
 * `NONCE fail TEXT` the module's failure message. The nonce is random, so
 * command output cannot forge a record.
 */
export const REPORT_FUNCTIONS = `ts_say() { printf '%s %s\\n' "$ts_n" "$*"; }
ts_stop() { ts_say fail "$(printf '%s' "$1" | tr '\\n' ' ')"; exit 0; }
ts_section() { ts_say begin "$1"; cat -- "$2" 2>/dev/null; printf '\\n'; ts_say close; }
ts_nl='
'`;

export interface ScriptReport {
  /** `key value` records; a later record of the same key wins. */
  fields: Map<string, string>;
  /** Captured output, by section name. */
  sections: Map<string, string>;
  warnings: string[];
}

export function newNonce(): string {
  return `tsible-${randomBytes(12).toString('hex')}`;
}

export function parseScriptReport(stdout: string, nonce: string): ScriptReport {
  const fields = new Map<string, string>();
  const sections = new Map<string, string>();
  const warnings: string[] = [];
  const prefix = `${nonce} `;
  let open: { name: string; lines: string[] } | undefined;
  for (const line of stdout.split('\n')) {
    if (!line.startsWith(prefix)) {
      open?.lines.push(line);
      continue;
    }
    const record = line.slice(prefix.length);
    const space = record.indexOf(' ');
    const key = space < 0 ? record : record.slice(0, space);
    const value = space < 0 ? '' : record.slice(space + 1);
    if (key === 'begin') open = { name: value, lines: [] };
    else if (key === 'close' && open !== undefined) {
      // The newline the script adds ends the last line, so the joined lines are the output exactly.
      sections.set(open.name, open.lines.join('\n'));
      open = undefined;
    } else if (key === 'warn') warnings.push(value);
    else fields.set(key, value);
  }
  return { fields, sections, warnings };
}

export interface ReportRun {
  report: ScriptReport;
  run: RunResult;
  /** The failure message: the script's own, or why it did not finish. */
  failure?: string;
}

/** Runs `ts_n=NONCE`, the report functions and `body` in one exec; the body must end with `ts_say end`. */
export async function runReportScript(ctx: ModuleContext, nonce: string, body: string): Promise<ReportRun> {
  const run = await ctx.connection.run({
    script: `ts_n=${nonce}\n${REPORT_FUNCTIONS}\n${body}\n`,
    ...(ctx.become === undefined ? {} : { become: ctx.become }),
    ...(ctx.timeoutMs === undefined ? {} : { timeoutMs: ctx.timeoutMs }),
  });
  const report = parseScriptReport(run.stdout.toString('utf8'), nonce);
  const stopped = report.fields.get('fail');
  if (stopped !== undefined) return { report, run, failure: stopped };
  if (!report.fields.has('end')) {
    const stderr = run.stderr.toString('utf8').trim();
    return { report, run, failure: stderr === '' ? `the target's shell exited with status ${run.rc}` : stderr };
  }
  return { report, run };
}

/** The result with its warnings, when there are any (Ansible leaves the key out otherwise). */
export function withWarnings(result: ModuleResult, warnings: readonly string[]): ModuleResult {
  return warnings.length > 0 ? { ...result, warnings: [...warnings, ...(result.warnings ?? [])] } : result;
}
