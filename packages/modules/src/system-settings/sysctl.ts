import type { ArgumentSpec, Module, ModuleContext, ModuleResult, ParamsOf } from '@tsible/engine';
import { shellJoin, shellQuote } from '@tsible/engine/connection/quote';
import { remotePathWord } from '../support/remote-path.js';
import { failed, firstRecord, runFileScript } from '../support/remote/run-script.js';
import { writeCall } from '../support/remote/atomic-write.js';
import { fileValue, fixedContent, normaliseValue, sameValue } from './sysctl-file.js';

/** ansible.posix.sysctl's options. */
export const sysctlSpec = {
  options: {
    name: { type: 'str', required: true, aliases: ['key'] },
    value: { type: 'str', aliases: ['val'] },
    state: { type: 'str', default: 'present', choices: ['present', 'absent'] },
    reload: { type: 'bool', default: true },
    sysctl_set: { type: 'bool', default: false },
    ignoreerrors: { type: 'bool', default: false },
    sysctl_file: { type: 'path', default: '/etc/sysctl.conf' },
  },
  required_if: [['state', 'present', ['value']]],
} as const satisfies ArgumentSpec;

export type SysctlParams = ParamsOf<typeof sysctlSpec>;

const decode = (record: string[] | undefined): string => Buffer.from(record?.[0] ?? '', 'base64').toString('utf8');

/**
 * sh helper: ts_sysctl MESSAGE-PREFIX ARGS... runs sysctl in the C locale and
 * stops the script with Ansible's message when it fails or reports a key it
 * could not set (sysctl exits 0 for some of those).
 */
const SYSCTL_FUNCTIONS = `ts_sysctl() {
  ts_msg=$1; shift
  ts_ef=$(mktemp) || ts_fail 'could not create a temporary file'
  ts_o=$(LANG=C LC_ALL=C LC_MESSAGES=C sysctl "$@" 2>"$ts_ef"); ts_rc=$?
  ts_e=$(cat -- "$ts_ef"); rm -f -- "$ts_ef"
  if [ "$ts_rc" != 0 ] || printf '%s\\n' "$ts_e" | grep -Eq '^sysctl: setting key "[^"]+": (Invalid argument|Read-only file system)$'; then
    printf '@sf\\t%s\\n' "$(printf '%s%s%s' "$ts_msg" "$ts_o" "$ts_e" | base64 | tr -d '\\n')"; exit 0
  fi
}`;

/** Ansible's argv for setting a key: quoted multi-word values go without -w. */
function setArgs(params: SysctlParams, name: string, value: string): string[] {
  if (value.split(/\s+/).filter((w) => w !== '').length > 1) return [...(params.ignoreerrors ? ['-i'] : []), `${name}=${value}`];
  return [...(params.ignoreerrors ? ['-e'] : []), '-w', `${name}=${value}`];
}

async function runSysctl(ctx: ModuleContext, params: SysctlParams): Promise<ModuleResult> {
  const name = params.name.trim();
  if (name === '') return failed('name cannot be blank');
  if (params.state === 'present' && params.value === '') return failed('value cannot be blank');
  const value = normaliseValue(params.value);
  const file = remotePathWord(params.sysctl_file);
  const probe = await runFileScript(
    ctx,
    [
      `command -v sysctl >/dev/null 2>&1 || PATH="$PATH:/sbin:/usr/sbin"`,
      `command -v sysctl >/dev/null 2>&1 || ts_fail 'Failed to find required executable "sysctl" in paths: '"$PATH"`,
      `if ts_v=$(LANG=C LC_ALL=C sysctl -e -n ${shellQuote(name)} 2>/dev/null); then printf '@cur\\t%s\\n' "$(printf '%s' "$ts_v" | base64 | tr -d '\\n')"; fi`,
      `if [ -f ${file} ]; then printf '@fc\\t%s\\n' "$(base64 < ${file} | tr -d '\\n')"; fi`,
    ].join('\n'),
  );
  if (probe.failure !== undefined) return failed(probe.failure);
  const current = probe.records.has('@cur') ? decode(firstRecord(probe, '@cur')) : null;
  const content = decode(firstRecord(probe, '@fc'));
  const inFile = fileValue(content, name);

  let changed = false;
  let writeFile = false;
  let setProc = false;
  if (inFile === null) {
    changed = params.state === 'present';
    writeFile = changed;
  } else if (inFile !== '' && params.state === 'absent') {
    changed = writeFile = true;
  } else if (inFile !== value) {
    changed = writeFile = true;
  } else if (params.reload && !sameValue(current, value)) {
    changed = true;
  }
  if (params.sysctl_set && params.state === 'present' && !sameValue(current, value)) {
    changed = true;
    setProc = current !== null;
  }
  const result: ModuleResult = { changed };
  if (!changed || ctx.checkMode) return result;

  const newContent = fixedContent(content, name, params.state === 'present' ? value : null);
  const steps: string[] = [SYSCTL_FUNCTIONS];
  if (setProc) steps.push(`ts_sysctl ${shellQuote(`setting ${name} failed: `)} ${shellJoin(setArgs(params, name, value))}`);
  // The mode is a shell word; an empty one keeps the file's mode (or the umask's for a new file).
  if (writeFile) steps.push(writeCall(file, { mode: "''", owner: null, group: null, backup: false }));
  if (params.reload) steps.push(`ts_sysctl 'Failed to reload sysctl: ' ${params.ignoreerrors ? '-e ' : ''}-p ${file}`);
  const run = await runFileScript(ctx, steps.join('\n'), writeFile ? Buffer.from(newContent) : undefined);
  const sysctlFailure = firstRecord(run, '@sf');
  if (sysctlFailure !== undefined) return failed(decode(sysctlFailure));
  if (run.failure !== undefined) return failed(run.failure);
  return result;
}

export const sysctlModule: Module<typeof sysctlSpec> = {
  name: 'sysctl',
  spec: sysctlSpec,
  supportsCheckMode: true,
  run: runSysctl,
};
