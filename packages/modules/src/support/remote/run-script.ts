import type { ModuleContext, ModuleResult, RunResult } from '@tsible/engine';
import { ATTRS_FUNCTIONS } from '../file-attrs/attrs-script.js';
import { FLAGS_FUNCTIONS } from '../file-attrs/flags.js';
import { parseProbe, type ProbeReport } from '../file-state/parse-probe.js';
import { PROBE_FUNCTIONS } from '../file-state/probe-script.js';
import { WRITE_FUNCTIONS } from './atomic-write.js';
import { ShellLibrary } from './shell-library.js';

export interface ScriptOutcome {
  report: ProbeReport;
  /** Records other than probe records, by kind (`@b` → ['/x.123.2024...~']). */
  records: Map<string, string[][]>;
  /** Ansible's message when the script stopped on purpose (ts_fail). */
  failure?: string;
  /** The raw bytes of the file the script handed back with ts_send_file. */
  payload?: Buffer;
  run: RunResult;
}

/**
 * ts_send_file PATH: after the records, the script turns into `cat PATH`, so
 * a file's bytes come back as they are (no base64, no extra process).
 */
const SEND_FUNCTION = `ts_send_file() { printf '@Z\\n'; ts_send=$1; }`;

/** All file modules' sh functions; each script is the part of this library it calls, plus its body. */
export const FILE_LIBRARY = [PROBE_FUNCTIONS, ATTRS_FUNCTIONS, FLAGS_FUNCTIONS, WRITE_FUNCTIONS, SEND_FUNCTION].join('\n');
const LIBRARY = new ShellLibrary(FILE_LIBRARY);
/** A module's own sh functions join the library, so they too travel only when called. */
const withOwn = new Map<string, ShellLibrary>();
function libraryFor(functions: string | undefined): ShellLibrary {
  if (functions === undefined) return LIBRARY;
  let library = withOwn.get(functions);
  if (library === undefined) withOwn.set(functions, (library = new ShellLibrary(`${FILE_LIBRARY}\n${functions}`)));
  return library;
}

const END = Buffer.from('@end\n');

/** Where the records end: the line `@end`, or -1 when the script never got there. */
function endOfRecords(stdout: Buffer): number {
  if (stdout.subarray(0, END.length).equals(END)) return 0;
  const at = stdout.indexOf(Buffer.from('\n@end\n'));
  return at < 0 ? -1 : at + 1;
}

/**
 * Runs one file-module script on the target: a single exec, content (if any)
 * on stdin. `functions`: the module's own sh function definitions, if any.
 */
export async function runFileScript(ctx: ModuleContext, body: string, stdin?: Buffer, functions?: string): Promise<ScriptOutcome> {
  const run = await ctx.connection.run({
    script: `${libraryFor(functions).for(body)}\n${body}\nprintf '@end\\n'\n[ -z "\${ts_send-}" ] || exec cat -- "$ts_send"\n`,
    ...(stdin === undefined ? {} : { stdin }),
    ...(ctx.become === undefined ? {} : { become: ctx.become }),
    ...(ctx.timeoutMs === undefined ? {} : { timeoutMs: ctx.timeoutMs }),
  });
  const end = endOfRecords(run.stdout);
  const report = parseProbe(run.stdout.subarray(0, end < 0 ? run.stdout.length : end).toString('utf8'));
  const records = new Map<string, string[][]>();
  let failure: string | undefined;
  for (const line of report.other) {
    const [kind = '', ...fields] = line.split('\t');
    if (kind === '@x') failure = fields.join('\t');
    else if (kind.startsWith('@')) records.set(kind, [...(records.get(kind) ?? []), fields]);
  }
  // A script that stopped without its own message (killed, a shell error) did not reach @end.
  if (failure === undefined && end < 0) failure = moduleFailureText(run);
  let payload: Buffer | undefined;
  if (failure === undefined && records.has('@Z')) {
    if (run.rc === 0) payload = run.stdout.subarray(end + END.length);
    else failure = moduleFailureText(run);
  }
  return { report, records, run, ...(failure === undefined ? {} : { failure }), ...(payload === undefined ? {} : { payload }) };
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
