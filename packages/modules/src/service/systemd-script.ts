import { shellQuote } from '@tsible/engine/connection/quote';
import type { SystemdParams } from './systemd-spec.js';

/** sysv helpers shared with the service module: is there an init script, and is it linked to start? */
export const SYSV_FUNCTIONS = `ts_sysv_exists() { [ -x "/etc/init.d/$1" ]; }
ts_sysv_enabled() { for ts_l in /etc/rc?.d/S??"$1"; do [ -e "$ts_l" ] && return 0; done; return 1; }`;

/**
 * The systemd module's flow (Ansible's systemd_service main) as one sh
 * script: reload/reexec, unit lookup, mask, enable, then the run state.
 * Reports: `show` (the unit's properties), `initd`, `systemd`, `masked_changed`,
 * `enabled` (the state found), `enable_changed`, `action` (what state needed).
 */
export function buildSystemdScript(p: SystemdParams, checkMode: boolean): string {
  const options = [...(p.scope !== 'system' ? [`--${p.scope}`] : []), ...(p.no_block ? ['--no-block'] : []), ...(p.force === true ? ['--force'] : [])];
  const unit = p.name === null ? null : shellQuote(p.name);
  const lines = [
    SYSV_FUNCTIONS,
    `ts_sc=$(command -v systemctl) || ts_stop "Failed to find required executable \\"systemctl\\" in paths: $PATH"`,
    `ts_s() { "$ts_sc" ${options.map(shellQuote).join(' ')} "$@"; }`,
    `ts_t=$(mktemp -d) || ts_stop 'could not create a temporary directory'`,
    `trap 'rm -rf -- "$ts_t"' EXIT`,
    ': "${XDG_RUNTIME_DIR:=/run/user/$(id -u)}"; export XDG_RUNTIME_DIR',
  ];
  if (!checkMode) {
    if (p.daemon_reload) lines.push(`ts_s daemon-reload >/dev/null 2>"$ts_t/err" || ts_stop "failure $? during daemon-reload: $(cat "$ts_t/err")"`);
    if (p.daemon_reexec) lines.push(`ts_s daemon-reexec >/dev/null 2>"$ts_t/err" || ts_stop "failure $? during daemon-reexec: $(cat "$ts_t/err")"`);
  }
  if (unit === null) return [...lines, 'ts_say end'].join('\n');
  lines.push(
    `ts_unit=${unit}`,
    `ts_initd=0; ts_sysv_exists ${unit} && ts_initd=1; ts_say initd "$ts_initd"`,
    `ts_s show ${unit} >"$ts_t/show" 2>"$ts_t/err"; ts_rc=$?`,
    'ts_systemd=0',
    'if [ "$ts_rc" = 0 ]; then',
    '  ts_section show "$ts_t/show"',
    `  grep -qx 'LoadState=not-found' "$ts_t/show" || ts_systemd=1`,
    'else',
    `  case $(ts_s is-enabled ${unit} 2>/dev/null) in enabled|enabled-runtime|linked|linked-runtime|masked|masked-runtime|static|indirect|disabled|generated|transient) ts_systemd=1 ;; *) ts_s list-unit-files ${unit} >/dev/null 2>&1 && ts_systemd=1 ;; esac`,
    'fi',
    'ts_say systemd "$ts_systemd"',
    'ts_found=0; { [ "$ts_systemd" = 1 ] || [ "$ts_initd" = 1 ]; } && ts_found=1',
    `ts_missing() { [ "$ts_found" = 1 ] || ts_stop "Could not find the requested service $ts_unit: host"; }`,
  );
  const run = (action: string): string =>
    checkMode ? ':' : `ts_s ${action} ${unit} >"$ts_t/out" 2>"$ts_t/err"`;
  if (p.masked !== null) {
    const action = p.masked ? 'mask' : 'unmask';
    lines.push(
      `ts_m=0; [ "$(ts_s is-enabled ${unit} 2>/dev/null)" = masked ] && ts_m=1`,
      `if [ "$ts_m" != ${p.masked ? 1 : 0} ]; then ts_say masked_changed 1; ${run(action)} || ts_missing; fi`,
    );
  }
  if (p.enabled !== null) {
    const action = p.enabled ? 'enable' : 'disable';
    lines.push(
      'ts_missing',
      `ts_out=$(ts_s is-enabled ${unit} -l 2>/dev/null); ts_rc=$?; ts_en=0`,
      'if [ "$ts_rc" = 0 ]; then ts_en=1; case $ts_out in indirect|alias) ts_en=0 ;; esac',
      `elif [ "$ts_rc" = 1 ] && [ ${shellQuote(p.scope)} = system ] && [ "$ts_initd" = 1 ]; then case $ts_out in *disabled) ;; *) ts_sysv_enabled ${unit} && ts_en=1 ;; esac; fi`,
      'ts_say enabled "$ts_en"',
      `if [ "$ts_en" != ${p.enabled ? 1 : 0} ]; then ts_say enable_changed 1; ${run(action)} || ts_stop "Unable to ${action} service $ts_unit: $(cat "$ts_t/out" "$ts_t/err")"; fi`,
    );
  }
  if (p.state !== null) {
    const state = p.state;
    lines.push(
      'ts_missing',
      `ts_active=$(sed -n 's/^ActiveState=//p' "$ts_t/show" 2>/dev/null)`,
      '[ -n "$ts_active" ] || ts_stop "Service is in unknown state"',
      'case $ts_active in active|activating) ts_run=1 ;; *) ts_run=0 ;; esac',
      'ts_act=',
    );
    if (state === 'started') lines.push('[ "$ts_run" = 1 ] || ts_act=start');
    else if (state === 'stopped') lines.push('{ [ "$ts_run" = 1 ] || [ "$ts_active" = deactivating ]; } && ts_act=stop');
    else lines.push(`if [ "$ts_run" = 1 ]; then ts_act=${state.slice(0, -2)}; else ts_act=start; fi`);
    lines.push(
      'if [ -n "$ts_act" ]; then',
      '  ts_say action "$ts_act"',
      checkMode ? '  :' : `  ts_s "$ts_act" ${unit} >"$ts_t/out" 2>"$ts_t/err" || ts_stop "Unable to $ts_act service $ts_unit: $(cat "$ts_t/err")"`,
      'fi',
    );
  }
  lines.push('ts_say end');
  return lines.join('\n');
}
