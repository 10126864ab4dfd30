import type { ArgumentSpec, Module, ModuleContext, ModuleResult, ParamsOf } from '@tsible/engine';
import { shellQuote } from '@tsible/engine/connection/quote';
import { COMMAND_RECORD_FUNCTION, commandCall, commandFailure, recordedCommand } from '../support/remote/command-record.js';
import { failed, firstRecord, runFileScript, type ScriptOutcome } from '../support/remote/run-script.js';
import { findProgram } from '../support/remote/find-program.js';
import { fileText, readFileRecord, readLines, writeContentCall } from '../support/remote/file-records.js';

/** community.general.timezone's options. */
export const timezoneSpec = {
  options: {
    hwclock: { type: 'str', choices: ['local', 'UTC'], aliases: ['rtc'] },
    name: { type: 'str' },
  },
  required_one_of: [['hwclock', 'name']],
} as const satisfies ArgumentSpec;

export type TimezoneParams = ParamsOf<typeof timezoneSpec>;

type Key = 'hwclock' | 'name';
type Values = Partial<Record<Key, string>>;

const TRUE_WORDS = ['y', 'yes', 'on', '1', 'true', 't'];
const RCS = '/etc/default/rcS';
const ZONEINFO = '/usr/share/zoneinfo/';

/** Ansible's abort(): its heading, then the messages gathered so far. */
function abort(msg: string, log: readonly string[] = []): ModuleResult {
  return failed(['Error message:', msg, ...(log.length > 0 ? ['Other message(s):', ...log] : [])].join('\n'));
}

/**
 * One probe for both ways Ansible manages the zone on Linux: `timedatectl`
 * when it runs, otherwise /etc/timezone, /etc/localtime and hwclock with
 * Debian's dpkg-reconfigure.
 */
function probeScript(name: string | null): string {
  const lines = [
    `ts_nohw() { printf '@nohw\\t%s\\n' "$1"; }`,
    `if ts_td=$(command -v timedatectl) && timedatectl >/dev/null 2>&1; then`,
    `  printf '@mode\\tsystemd\\t%s\\n' "$ts_td"`,
    `  ts_st=$(timedatectl status 2>&1) || ts_fail "$ts_st"`,
    `  printf '@status\\t%s\\n' "$(printf '%s' "$ts_st" | base64 | tr -d '\\n')"`,
    'else',
    `  printf '@mode\\tfile\\n'`,
    `  ${findProgram('ts_hw', 'hwclock', 'ts_nohw')}`,
    `  printf '@bin\\t%s\\t%s\\t%s\\n' "$ts_hw" "$(command -v ln)" "$(command -v dpkg-reconfigure)"`,
    `  ${readFileRecord('timezone', '/etc/timezone')}`,
    `  ${readFileRecord('rcs', RCS)}`,
    `  ${readFileRecord('adjtime', '/etc/adjtime')}`,
    `  if [ -L /etc/localtime ]; then printf '@link\\t%s\\t%s\\n' "$([ -e /etc/localtime ] && echo 1 || echo 0)" "$(readlink /etc/localtime)"; fi`,
    'fi',
  ];
  if (name !== null) {
    const zone = shellQuote(`${ZONEINFO}${name}`);
    lines.push(`[ -f ${zone} ] && printf '@zone\\t1\\n'`, `[ ! -L /etc/localtime ] && cmp -s /etc/localtime ${zone} && printf '@same\\t1\\n'`);
  }
  return lines.join('\n');
}

interface Probe {
  mode: 'systemd' | 'file';
  outcome: ScriptOutcome;
}

function hasRecord(outcome: ScriptOutcome, kind: string): boolean {
  return outcome.records.has(kind);
}

function systemdValue(outcome: ScriptOutcome, key: Key): string {
  const status = Buffer.from(firstRecord(outcome, '@status')?.[0] ?? '', 'base64').toString('utf8');
  const pattern = key === 'name' ? /^\s*Time ?zone\s*:\s*(\S+)/m : /^\s*RTC in local TZ\s*:\s*(\S+)/m;
  const value = pattern.exec(status)?.[1] ?? '';
  if (key === 'hwclock') return TRUE_WORDS.includes(value.toLowerCase()) ? 'local' : 'UTC';
  return value;
}

/** The current value as Ansible's NosystemdTimezone.get reads it. */
function fileValue(outcome: ScriptOutcome, key: Key, planned: string): string {
  if (key === 'hwclock') {
    const rcs = fileText(outcome, 'rcs');
    const utc = rcs === null ? undefined : /^UTC\s*=\s*(\S+)/m.exec(rcs)?.[1];
    const value = utc === undefined ? 'n/a' : TRUE_WORDS.includes(utc.toLowerCase()) ? 'UTC' : 'local';
    if (value !== planned) return value;
    const adjtime = /^(UTC|LOCAL)$/m.exec(fileText(outcome, 'adjtime') ?? '')?.[1] ?? 'UTC';
    return adjtime === 'UTC' ? adjtime : adjtime.toLowerCase();
  }
  const value = /^(\S+)/m.exec(fileText(outcome, 'timezone') ?? '')?.[1] ?? 'n/a';
  if (value !== planned) return value;
  const link = firstRecord(outcome, '@link');
  if (link === undefined) return hasRecord(outcome, '@same') ? value : 'n/a';
  if (link[0] !== '1') return 'n/a';
  const linked = /(?:\/(?:usr\/share|etc)\/zoneinfo\/)(.*)/.exec(link.slice(1).join('\t'))?.[1];
  if (linked === undefined) return 'n/a';
  return linked !== planned ? linked : value;
}

/** The probe, or the failed result when the script could not run. */
async function probe(ctx: ModuleContext, name: string | null): Promise<Probe | { failure: ModuleResult }> {
  const outcome = await runFileScript(ctx, probeScript(name));
  if (outcome.failure !== undefined) return { failure: failed(outcome.failure) };
  const mode = firstRecord(outcome, '@mode')?.[0] === 'systemd' ? 'systemd' : 'file';
  return { mode, outcome };
}

function readValues(p: Probe, planned: Values): Values {
  const out: Values = {};
  for (const key of ['hwclock', 'name'] as const) {
    const want = planned[key];
    if (want === undefined) continue;
    out[key] = p.mode === 'systemd' ? systemdValue(p.outcome, key) : fileValue(p.outcome, key, want);
  }
  return out;
}

/** Ansible's _edit_file: the first matching line replaced by `value`, other matches dropped. */
function editedFile(content: string | null, pattern: RegExp, value: string): { content: string; deleted: number } {
  const lines = readLines(content ?? '');
  const matched = lines.map((l, i) => (pattern.test(l) ? i : -1)).filter((i) => i >= 0);
  const kept = lines.filter((_, i) => !matched.includes(i));
  kept.splice(matched[0] ?? 0, 0, value);
  return { content: kept.join(''), deleted: matched.length };
}

/** sh making the changes, and the messages Ansible logs for them. */
function changeSteps(p: Probe, before: Values, planned: Values): { steps: string[]; log: string[] } {
  const steps: string[] = [];
  const log: string[] = [];
  const run = (words: readonly string[], logged: boolean): void => {
    steps.push(commandCall(words.join(' '), words));
    if (logged) log.push(`executed \`${words.join(' ')}\``);
  };
  const [hwclockBin = '', lnBin = '', reconfigure = ''] = firstRecord(p.outcome, '@bin') ?? [];
  const timedatectl = firstRecord(p.outcome, '@mode')?.[1] ?? 'timedatectl';
  for (const key of ['hwclock', 'name'] as const) {
    const want = planned[key];
    if (want === undefined || before[key] === want) continue;
    if (p.mode === 'systemd') {
      const value = key === 'name' ? want : want === 'local' ? 'yes' : 'no';
      run([timedatectl, key === 'name' ? 'set-timezone' : 'set-local-rtc', value], true);
    } else if (key === 'hwclock') {
      const edit = editedFile(fileText(p.outcome, 'rcs'), /^UTC\s*=\s*(\S+)/, `UTC=${want === 'local' ? 'no' : 'yes'}\n`);
      log.push(`Added 1 line and deleted ${edit.deleted} line(s) on ${RCS}`);
      // The clock first: when it cannot be set, rcS stays as it was.
      run([hwclockBin, '--systohc', want === 'local' ? '--localtime' : '--utc'], true);
      steps.push(writeContentCall(RCS, edit.content));
    } else {
      const edit = editedFile(fileText(p.outcome, 'timezone'), /^(\S+)/, `${want}\n`);
      steps.push(writeContentCall('/etc/timezone', edit.content));
      log.push(`Added 1 line and deleted ${edit.deleted} line(s) on /etc/timezone`);
      run([lnBin, '-sf', `${ZONEINFO}${want}`, '/etc/localtime'], false);
      run([reconfigure, '--frontend', 'noninteractive', 'tzdata'], false);
    }
  }
  return { steps, log };
}

/** What stops Ansible before it reads anything: missing tools, an unknown zone. */
function setupFailure(p: Probe, name: string | null): ModuleResult | undefined {
  const zoneMissing = name !== null && !hasRecord(p.outcome, '@zone');
  if (p.mode === 'systemd') return zoneMissing ? abort(`given timezone "${name}" is not available`) : undefined;
  if (zoneMissing) return abort(`given timezone "${name}" is not available`);
  const [hwclockBin = '', , reconfigure = ''] = firstRecord(p.outcome, '@bin') ?? [];
  const noHwclock = firstRecord(p.outcome, '@nohw')?.[0];
  if (hwclockBin === '' && noHwclock !== undefined) return failed(noHwclock);
  if (reconfigure === '') return failed('timezone: without a working timedatectl only Debian-family targets (dpkg-reconfigure) are supported');
  return undefined;
}

async function runTimezone(ctx: ModuleContext, params: TimezoneParams): Promise<ModuleResult> {
  const planned: Values = {
    ...(params.hwclock !== null ? { hwclock: params.hwclock } : {}),
    ...(params.name !== null ? { name: params.name } : {}),
  };
  const first = await probe(ctx, params.name);
  if ('failure' in first) return first.failure;
  const setup = setupFailure(first, params.name);
  if (setup !== undefined) return setup;
  const before = readValues(first, planned);
  if (ctx.checkMode) {
    return { changed: JSON.stringify(before) !== JSON.stringify(planned), diff: { before, after: planned } };
  }
  const { steps, log } = changeSteps(first, before, planned);
  let after = before;
  if (steps.length > 0) {
    const run = await runFileScript(ctx, [COMMAND_RECORD_FUNCTION, ...steps].join('\n'));
    const failedCommand = [...(run.records.get('@cmd') ?? [])].map((r) => r[0] ?? '').find((cmd) => (recordedCommand(run, cmd)?.rc ?? 0) !== 0);
    if (failedCommand !== undefined) {
      const { msg, extra } = commandFailure(failedCommand, recordedCommand(run, failedCommand) ?? { rc: 1, stdout: '', stderr: '' });
      return failed(msg, extra);
    }
    if (run.failure !== undefined) return failed(run.failure);
    const second = await probe(ctx, params.name);
    if ('failure' in second) return second.failure;
    after = readValues(second, planned);
    if (JSON.stringify(after) !== JSON.stringify(planned)) {
      return abort(`still not desired state, though changes have made - planned: ${pyDict(planned)}, after: ${pyDict(after)}`, log);
    }
  }
  const result: ModuleResult = { changed: JSON.stringify(before) !== JSON.stringify(after), diff: { before, after } };
  return log.length > 0 ? { ...result, msg: log.join('\n') } : result;
}

/** A dict of strings as Python's str() shows it. */
function pyDict(values: Values): string {
  return `{${Object.entries(values).map(([k, v]) => `'${k}': '${v}'`).join(', ')}}`;
}

export const timezoneModule: Module<typeof timezoneSpec> = {
  name: 'timezone',
  spec: timezoneSpec,
  supportsCheckMode: true,
  run: runTimezone,
};
