import type { ArgumentSpec, Module, ModuleContext, ModuleResult, ParamsOf } from '@tsible/engine';
import { shellQuote } from '@tsible/engine/connection/quote';
import { failed, firstRecord, runFileScript } from '../support/remote/run-script.js';
import { writeCall } from '../support/remote/atomic-write.js';
import { editLimits, LimitsError, assertValidValue } from './pam-limits-file.js';

const PAM_ITEMS = ['core', 'data', 'fsize', 'memlock', 'nofile', 'rss', 'stack', 'cpu', 'nproc', 'as', 'maxlogins', 'maxsyslogins', 'priority', 'locks', 'sigpending', 'msgqueue', 'nice', 'rtprio', 'chroot'] as const;

/** community.general.pam_limits's options. */
export const pamLimitsSpec = {
  options: {
    domain: { type: 'str', required: true },
    limit_type: { type: 'str', required: true, choices: ['soft', 'hard', '-'] },
    limit_item: { type: 'str', required: true, choices: PAM_ITEMS },
    value: { type: 'str', required: true },
    use_max: { type: 'bool', default: false },
    use_min: { type: 'bool', default: false },
    backup: { type: 'bool', default: false },
    dest: { type: 'str', default: '/etc/security/limits.conf' },
    comment: { type: 'str', default: '' },
  },
} as const satisfies ArgumentSpec;

export type PamLimitsParams = ParamsOf<typeof pamLimitsSpec>;

async function runPamLimits(ctx: ModuleContext, params: PamLimitsParams): Promise<ModuleResult> {
  const dest = shellQuote(params.dest);
  const probe = await runFileScript(
    ctx,
    [
      `if [ -f ${dest} ]; then [ -w ${dest} ] || ts_fail ${shellQuote(`${params.dest} is not writable. Use sudo`)}; printf '@fc\\t%s\\n' "$(base64 < ${dest} | tr -d '\\n')"`,
      `else ts_d=$(dirname -- ${dest}); [ -d "$ts_d" ] && [ -w "$ts_d" ] || ts_fail "directory $ts_d is not writable (check presence, access rights, use sudo)"; printf '@new\\n'; fi`,
    ].join('\n'),
  );
  if (probe.failure !== undefined) return failed(probe.failure);
  if (params.use_max && params.use_min) return failed('Cannot use use_min and use_max at the same time.');
  const before = Buffer.from(firstRecord(probe, '@fc')?.[0] ?? '', 'base64').toString('utf8');
  let edit;
  try {
    assertValidValue(params.limit_item, params.value);
    edit = editLimits(before, { domain: params.domain, type: params.limit_type, item: params.limit_item, value: params.value, useMax: params.use_max, useMin: params.use_min, comment: params.comment }, params.dest);
  } catch (err) {
    if (err instanceof LimitsError) return failed(err.message);
    throw err;
  }
  const changed = edit.changed || probe.records.has('@new');
  const result: ModuleResult = { changed, msg: edit.message, diff: { before, after: edit.content } };
  if (ctx.checkMode || !changed) return result;
  const run = await runFileScript(ctx, writeCall(dest, { mode: "''", owner: null, group: null, backup: params.backup }), Buffer.from(edit.content));
  if (run.failure !== undefined) return failed(run.failure);
  const backupFile = firstRecord(run, '@b')?.[0];
  return { ...result, ...(backupFile === undefined ? {} : { backup_file: backupFile }) };
}

export const pamLimitsModule: Module<typeof pamLimitsSpec> = {
  name: 'pam_limits',
  spec: pamLimitsSpec,
  supportsCheckMode: true,
  run: runPamLimits,
};
