import type { ModuleContext, ModuleResult, RunResult } from '@tsible/engine';
import { ATTRS_FUNCTIONS } from '../file-attrs/attrs-script.js';
import { parseProbe, type ProbeReport } from '../file-state/parse-probe.js';
import { PROBE_FUNCTIONS } from '../file-state/probe-script.js';
import { WRITE_FUNCTIONS } from './atomic-write.js';

export interface ScriptOutcome {
  report: ProbeReport;
  /** Records other than probe records, by kind (`@b` → ['/x.123.2024...~']). */
  records: Map<string, string[][]>;
  /** Ansible's message when the script stopped on purpose (ts_fail). */
  failure?: string;
  run: RunResult;
}

/** All file modules' sh functions; each script is this library plus its body. */
export const FILE_LIBRARY = [PROBE_FUNCTIONS, ATTRS_FUNCTIONS, WRITE_FUNCTIONS].join('\n');

/** Runs one file-module script on the target: a single exec, content (if any) on stdin. */
export async function runFileScript(ctx: ModuleContext, body: string, stdin?: Buffer): Promise<ScriptOutcome> {
  const run = await ctx.connection.run({
    script: `${FILE_LIBRARY}\n${body}\nprintf '@end\\n'\n`,
    ...(stdin === undefined ? {} : { stdin }),
    ...(ctx.become === undefined ? {} : { become: ctx.become }),
    ...(ctx.timeoutMs === undefined ? {} : { timeoutMs: ctx.timeoutMs }),
  });
  const report = parseProbe(run.stdout.toString('utf8'));
  const records = new Map<string, string[][]>();
  let failure: string | undefined;
  for (const line of report.other) {
    const [kind = '', ...fields] = line.split('\t');
    if (kind === '@x') failure = fields.join('\t');
    else if (kind.startsWith('@')) records.set(kind, [...(records.get(kind) ?? []), fields]);
  }
  // A script that stopped without its own message (killed, a shell error) did not reach @end.
  if (failure === undefined && !records.has('@end')) failure = moduleFailureText(run);
  return { report, records, run, ...(failure === undefined ? {} : { failure }) };
}

function moduleFailureText(run: RunResult): string {
  const stderr = run.stderr.toString('utf8').trim();
  return stderr === '' ? `the target's shell exited with status ${run.rc}` : stderr;
}

/** A failed result in Ansible's shape: changed false, the message, plus the module's keys. */
export function failed(msg: string, extra: ModuleResult = {}): ModuleResult {
  return { changed: false, ...extra, failed: true, msg };
}

/** The first value of a record kind, e.g. the backup file name. */
export function firstRecord(outcome: ScriptOutcome, kind: string): string[] | undefined {
  return outcome.records.get(kind)?.[0];
}
