import type { ArgumentSpec, Module, ModuleContext, ModuleResult, ParamsOf } from '@tsible/engine';
import { shellQuote } from '@tsible/engine/connection/quote';
import { failed, firstRecord, runFileScript } from '../support/remote/run-script.js';
import { writeCall } from '../support/remote/atomic-write.js';
import { CronError, cronLine, envNames, installEnv, installJob, isEmpty, jobNames, readUserCrontab, removeEnv, removeJob, render, splitLines } from './crontab-lines.js';

/** Ansible 2.14's cron module options. */
export const cronSpec = {
  options: {
    name: { type: 'str', required: true },
    user: { type: 'str' },
    job: { type: 'str', aliases: ['value'] },
    cron_file: { type: 'path' },
    state: { type: 'str', default: 'present', choices: ['present', 'absent'] },
    backup: { type: 'bool', default: false },
    minute: { type: 'str', default: '*' },
    hour: { type: 'str', default: '*' },
    day: { type: 'str', default: '*', aliases: ['dom'] },
    month: { type: 'str', default: '*' },
    weekday: { type: 'str', default: '*', aliases: ['dow'] },
    special_time: { type: 'str', choices: ['reboot', 'yearly', 'annually', 'monthly', 'weekly', 'daily', 'hourly'] },
    disabled: { type: 'bool', default: false },
    env: { type: 'bool', default: false },
    insertafter: { type: 'str' },
    insertbefore: { type: 'str' },
  },
  mutually_exclusive: [['insertafter', 'insertbefore']],
} as const satisfies ArgumentSpec;

export type CronParams = ParamsOf<typeof cronSpec>;

const decode = (record: string[] | undefined): string => Buffer.from(record?.[0] ?? '', 'base64').toString('utf8');


function crontabCommand(user: string | null, action: string): string {
  return user === null ? `crontab ${action}` : `if [ "$(id -un)" = ${shellQuote(user)} ]; then crontab ${action}; else crontab -u ${shellQuote(user)} ${action}; fi`;
}

function readScript(params: CronParams, cronFile: string | null): string {
  const lines = [`command -v crontab >/dev/null 2>&1 || ts_fail 'Failed to find required executable "crontab" in paths: '"$PATH"`];
  if (cronFile !== null) {
    lines.push(`if [ -f ${shellQuote(cronFile)} ]; then printf '@ct\\t%s\\n' "$(base64 < ${shellQuote(cronFile)} | tr -d '\\n')"; fi`);
  } else {
    lines.push(
      // A trailing x keeps the listing's own trailing newlines through $( ).
      `ts_c=$(${crontabCommand(params.user, '-l')} 2>/dev/null; ts_rc=$?; printf x; exit $ts_rc); ts_rc=$?; ts_c=\${ts_c%x}`,
      `case $ts_rc in 0|1) ;; *) ts_fail 'Unable to read crontab';; esac`,
      `printf '@ct\\t%s\\n' "$(printf '%s' "$ts_c" | base64 | tr -d '\\n')"`,
    );
  }
  return lines.join('\n');
}

function validate(params: CronParams): string | undefined {
  if (params.cron_file === '/etc/crontab') return 'Will not manage /etc/crontab via cron_file, see documentation.';
  if (params.special_time !== null && [params.minute, params.hour, params.day, params.month, params.weekday].some((f) => f !== '*')) {
    return 'You must specify time and date fields or special time.';
  }
  if (params.state === 'present') {
    if (params.cron_file !== null && params.user === null) return 'To use cron_file=... parameter you must specify user=... as well';
    if (params.job === null) return "You must specify 'job' to install a new cron job or variable";
    if ((params.insertafter !== null || params.insertbefore !== null) && !params.env) return 'Insertafter and insertbefore parameters are valid only with env=yes';
  }
  if (params.env && params.name.includes(' ')) return 'Invalid name for environment variable';
  return undefined;
}

async function runCron(ctx: ModuleContext, params: CronParams): Promise<ModuleResult> {
  const invalid = validate(params);
  if (invalid !== undefined) return failed(invalid);
  const warnings: string[] = [];
  const cronFile = params.cron_file === null ? null : params.cron_file.startsWith('/') ? params.cron_file : `/etc/cron.d/${params.cron_file}`;
  if (params.cron_file !== null) {
    const base = params.cron_file.split('/').pop() ?? '';
    if (!/^[A-Z0-9_-]+$/i.test(base)) {
      warnings.push(`Filename portion of cron_file ("${base}") should consist solely of upper- and lower-case letters, digits, underscores, and hyphens`);
    }
  }
  const probe = await runFileScript(ctx, readScript(params, cronFile));
  if (probe.failure !== undefined) return failed(probe.failure);
  let existing: string;
  let lines: string[];
  if (cronFile !== null) {
    existing = decode(firstRecord(probe, '@ct'));
    lines = splitLines(existing);
  } else {
    ({ lines, existing } = readUserCrontab(decode(firstRecord(probe, '@ct'))));
  }
  const header = cronFile ?? (params.user === null ? 'crontab' : `crontab for user "${params.user}"`);

  const original = render(lines);
  let changed = false;
  try {
    if (params.env) {
      const r = params.state === 'present' ? installEnv(lines, params.name, params.job ?? '', params.insertafter, params.insertbefore) : removeEnv(lines, params.name);
      ({ lines, changed } = r);
    } else if (params.state === 'present') {
      const job = params.job ?? '';
      if (/[\r\n]/.test(job.replace(/^[\r\n]+|[\r\n]+$/g, ''))) warnings.push('Job should not contain line breaks');
      const time = { minute: params.minute, hour: params.hour, day: params.day, month: params.month, weekday: params.weekday, special: params.special_time };
      ({ lines, changed } = installJob(lines, params.name, cronLine(time, job, params.disabled, cronFile === null ? null : params.user)));
    } else {
      ({ lines, changed } = removeJob(lines, params.name));
      if (changed && cronFile !== null && isEmpty(lines)) return removeCronFile(ctx, params, cronFile, existing);
    }
  } catch (err) {
    if (err instanceof CronError) return failed(err.message);
    throw err;
  }
  if (!changed && existing !== '' && !/[\r\n]$/.test(existing)) changed = true;

  const result: ModuleResult = { changed, jobs: jobNames(lines), envs: envNames(lines), warnings, ...(params.cron_file === null ? {} : { cron_file: params.cron_file }) };
  if (!changed) return result;
  const after = render(lines);
  const diff = ctx.diffMode ? { diff: { before: existing, before_header: header, after, after_header: header } } : {};
  if (ctx.checkMode) return { ...result, ...diff };

  const backup = params.backup
    ? [`ts_bk=$(mktemp /tmp/crontabXXXXXXXX) || ts_fail 'could not create a backup file'`, `printf '%s' ${shellQuote(original)} > "$ts_bk"`, `printf '@bk\\t%s\\n' "$ts_bk"`]
    : [];
  const write =
    cronFile !== null
      ? ['umask 022', writeCall(shellQuote(cronFile), { mode: "''", owner: null, group: null, backup: false })]
      : [`ts_e=$(${crontabCommand(params.user, '-')} 2>&1 >/dev/null) || ts_fail "$ts_e"`];
  const run = await runFileScript(ctx, [...backup, ...write].join('\n'), Buffer.from(after));
  if (run.failure !== undefined) return failed(run.failure);
  const backupFile = firstRecord(run, '@bk')?.[0];
  return { ...result, ...diff, ...(backupFile === undefined ? {} : { backup_file: backupFile }) };
}

/** The last job of a cron_file gone: the file goes too, as Ansible does. */
async function removeCronFile(ctx: ModuleContext, params: CronParams, cronFile: string, existing: string): Promise<ModuleResult> {
  const diff = ctx.diffMode ? { diff: { before: existing, before_header: cronFile, after: '', after_header: '/dev/null' } } : { diff: {} };
  if (ctx.checkMode) return { changed: true, cron_file: params.cron_file, state: params.state, ...diff };
  const run = await runFileScript(ctx, `rm -f -- ${shellQuote(cronFile)} && printf '@rm\\n'`);
  return { changed: run.records.has('@rm'), cron_file: params.cron_file, state: params.state, ...diff };
}

export const cronModule: Module<typeof cronSpec> = {
  name: 'cron',
  spec: cronSpec,
  supportsCheckMode: true,
  run: runCron,
};
