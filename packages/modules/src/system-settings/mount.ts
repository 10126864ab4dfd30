import type { ArgumentSpec, Module, ModuleContext, ModuleResult, ParamsOf } from '@tsible/engine';
import { shellQuote } from '@tsible/engine/connection/quote';
import { failed, firstRecord, runFileScript } from '../support/remote/run-script.js';
import { writeCall } from '../support/remote/atomic-write.js';
import { setMount, unsetMount, type FstabEntry } from './fstab.js';

/** ansible.posix.mount's options (Linux). */
export const mountSpec = {
  options: {
    path: { type: 'path', required: true, aliases: ['name'] },
    src: { type: 'path' },
    fstype: { type: 'str' },
    opts: { type: 'str' },
    dump: { type: 'str', default: '0' },
    passno: { type: 'str', default: '0' },
    state: { type: 'str', required: true, choices: ['absent', 'absent_from_fstab', 'mounted', 'present', 'unmounted', 'remounted'] },
    fstab: { type: 'str' },
    boot: { type: 'bool', default: true },
    backup: { type: 'bool', default: false },
  },
  required_if: [
    ['state', 'mounted', ['src', 'fstype']],
    ['state', 'present', ['src', 'fstype']],
  ],
} as const satisfies ArgumentSpec;

export type MountParams = ParamsOf<typeof mountSpec>;

/** Mounted means listed in /proc/mounts (octal escapes as there). */
const IS_MOUNTED = `ts_mounted() { awk -v p="$1" '{ gsub(/\\\\040/, " ", $2) } $2 == p { found = 1 } END { exit !found }' /proc/mounts; }`;

async function runMount(ctx: ModuleContext, params: MountParams): Promise<ModuleResult> {
  const fstab = params.fstab ?? '/etc/fstab';
  const name = params.path.length > 1 ? params.path.replace(/\/+$/, '') : params.path;
  const args: FstabEntry = { src: params.src ?? '', name, fstype: params.fstype ?? '', opts: params.opts ?? 'defaults', dump: params.dump, passno: params.passno };
  const probe = await runFileScript(
    ctx,
    [IS_MOUNTED, `[ -f ${shellQuote(fstab)} ] && printf '@fc\\t%s\\n' "$(base64 < ${shellQuote(fstab)} | tr -d '\\n')"`, `ts_mounted ${shellQuote(name)} && printf '@m\\n'`, `[ -e ${shellQuote(name)} ] && printf '@e\\n'`, 'true'].join('\n'),
  );
  if (probe.failure !== undefined) return failed(probe.failure);
  const before = Buffer.from(firstRecord(probe, '@fc')?.[0] ?? '', 'base64').toString('utf8');
  const mounted = probe.records.has('@m');
  const result = (changed: boolean): ModuleResult => ({ changed, name, src: args.src, fstype: args.fstype, opts: args.opts, dump: args.dump, passno: args.passno, fstab, boot: params.boot });

  const steps: string[] = [];
  let fstabAfter: string | null = null;
  let changed = false;
  const mountCmd = (extra: string[]): string => ['mount', ...extra, ...(fstab === '/etc/fstab' ? [] : ['-T', fstab]), name].map(shellQuote).join(' ');
  const failOn = (cmd: string, what: string): string => `ts_e=$(${cmd} 2>&1) || ts_fail ${shellQuote(`Error ${what} ${name}: `)}"$ts_e"`;
  switch (params.state) {
    case 'present': {
      const edit = setMount(before, args);
      changed = edit.changed;
      if (changed) fstabAfter = edit.content;
      break;
    }
    case 'absent':
    case 'absent_from_fstab': {
      const edit = unsetMount(before, name, params.src);
      changed = edit.changed;
      if (changed) fstabAfter = edit.content;
      if (changed && params.state === 'absent') {
        if (mounted) steps.push(failOn(`umount ${shellQuote(name)}`, 'unmounting'));
        if (probe.records.has('@e')) steps.push(failOn(`rmdir -- ${shellQuote(name)}`, 'rmdir'));
      }
      break;
    }
    case 'unmounted':
      if (mounted) {
        changed = true;
        steps.push(failOn(`umount ${shellQuote(name)}`, 'unmounting'));
      }
      break;
    case 'remounted':
      changed = true;
      steps.push(failOn(mountCmd(['-o', 'remount']), 'remounting'));
      break;
    case 'mounted': {
      const edit = setMount(before, args);
      if (edit.changed) fstabAfter = edit.content;
      if (!probe.records.has('@e')) steps.push(`mkdir -p -- ${shellQuote(name)} || ts_fail ${shellQuote(`Error making dir ${name}`)}`);
      if (mounted) {
        changed = edit.changed;
        if (changed) steps.push(failOn(mountCmd(['-o', 'remount']), 'mounting'));
      } else {
        changed = true;
        // A failed mount puts the old fstab back and removes the new directory, as Ansible does.
        const undo = [...(probe.records.has('@e') ? [] : [`rmdir -- ${shellQuote(name)} 2>/dev/null`]), ...(fstabAfter === null ? [] : [`printf '%s' ${shellQuote(before)} > ${shellQuote(fstab)}`])].join('; ');
        steps.push(`ts_e=$(${mountCmd([])} 2>&1) || { ${undo || ':'}; ts_fail ${shellQuote(`Error mounting ${name}: `)}"$ts_e"; }`);
      }
      break;
    }
  }
  if (!changed || ctx.checkMode) return result(changed);
  const write = fstabAfter === null ? [] : [writeCall(shellQuote(fstab), { mode: "''", owner: null, group: null, backup: params.backup })];
  const run = await runFileScript(ctx, [...write, ...steps].join('\n'), fstabAfter === null ? undefined : Buffer.from(fstabAfter));
  if (run.failure !== undefined) return failed(run.failure);
  const backupFile = firstRecord(run, '@b')?.[0];
  return { ...result(true), ...(backupFile === undefined ? {} : { backup_file: backupFile }) };
}

export const mountModule: Module<typeof mountSpec> = {
  name: 'mount',
  spec: mountSpec,
  supportsCheckMode: true,
  run: runMount,
};
