import { shellQuote } from '@tsible/engine/connection/quote';
import { SYSV_FUNCTIONS } from './systemd-script.js';
import type { ServiceParams } from './service-spec.js';

/** How the target's services are run, as Ansible's ansible_service_mgr names them. */
export type ServiceManager = 'systemd' | 'sysvinit' | 'openrc';

/** sh that prints the service manager: systemd as PID 1, else OpenRC when running, else SysV init scripts. */
export const DETECT_MANAGER = `ts_detect_mgr() {
  if [ -d /run/systemd/system ] && [ "$(cat /proc/1/comm 2>/dev/null)" = systemd ]; then echo systemd
  elif command -v rc-service >/dev/null 2>&1 && [ -d /run/openrc ]; then echo openrc
  else echo sysvinit; fi
}`;

/**
 * Ansible's sysvinit status reading: a one-line answer is read for stop
 * and run words first, then exit codes 1-4 and 69 mean stopped, then exit 0
 * means running; otherwise the process list is asked for the name.
 * Sets ts_running (1|0) and ts_worked (0 when it could not tell).
 */
const STATUS_FUNCTIONS = `ts_status_of() {
  ts_running=0; ts_worked=0
  if [ "$(printf '%s' "$2" | wc -l)" -le 1 ]; then
    ts_clean=$(printf '%s' "$2" | tr '[:upper:]' '[:lower:]' | TS_N=$(printf '%s' "$3" | tr '[:upper:]' '[:lower:]') awk '{ n = ENVIRON["TS_N"]; while (n != "" && (i = index($0, n)) > 0) $0 = substr($0, 1, i - 1) substr($0, i + length(n)); print }')
    case $ts_clean in
      *stop*|*'is dead '*|*'dead but '*|*'could not access pid file'*|*inactive*) ts_worked=1 ;;
      *'not '*) ;;
      *run*|*start*|*active*) ts_running=1; ts_worked=1 ;;
    esac
  fi
  if [ "$ts_worked" = 0 ]; then case $1 in 1|2|3|4|69) ts_worked=1 ;; esac; fi
  if [ "$ts_worked" = 0 ]; then
    if [ "$1" = 0 ]; then ts_running=1; ts_worked=1
    elif ts_ps_has "$3"; then ts_running=1; ts_worked=1; ts_say warn "Used ps output to match service name and determine it is up, this is very unreliable"; fi
  fi
  [ "$ts_worked" = 1 ] || ts_say warn "Unable to determine if service is up, assuming it is down"
}`;

/** Lines of the process list that contain the pattern, leaving out this script's own processes. */
const PS_FUNCTION = `ts_ps_has() {
  ps -e -o args= 2>/dev/null | TS_PAT=$1 TS_SELF=$ts_n awk 'index($0, ENVIRON["TS_PAT"]) && !index($0, ENVIRON["TS_SELF"]) { found = 1 } END { exit !found }'
}`;

/**
 * The service task for SysV init scripts (Ansible's sysvinit module, which
 * the service action picks on such hosts) and OpenRC, in one script. With
 * `manager` undefined it first finds the manager and stops (reporting
 * `mgr systemd`) when systemd must take the task instead.
 * Reports: `enable_changed`, `erc` + sections eout/eerr (the enable command),
 * `running`, `action`, `rc` + sections out/err (the state command).
 */
export function buildServiceScript(p: ServiceParams, checkMode: boolean, manager: ServiceManager | undefined): string {
  const lines = [SYSV_FUNCTIONS, DETECT_MANAGER, PS_FUNCTION, STATUS_FUNCTIONS, `ts_name=${shellQuote(p.name)}; ts_args=${shellQuote(p.arguments)}`];
  lines.push(manager === undefined ? 'ts_mgr=$(ts_detect_mgr)' : `ts_mgr=${manager}`);
  lines.push('ts_say mgr "$ts_mgr"', 'if [ "$ts_mgr" = systemd ]; then ts_say end; exit 0; fi');
  lines.push(
    `ts_t=$(mktemp -d) || ts_stop 'could not create a temporary directory'`,
    `trap 'rm -rf -- "$ts_t"' EXIT`,
    'if [ "$ts_mgr" = openrc ]; then ts_script() { rc-service "$ts_name" "$@"; }',
    'elif ts_sysv_exists "$ts_name"; then ts_script() { "/etc/init.d/$ts_name" "$@"; }',
    `else ts_stop "Could not find the requested service $ts_name: "; fi`,
    // `arguments` are the user's words for the init script, split as the shell splits them.
    'ts_do() { ts_a=$1; shift; eval "set -- $ts_args"; ts_script "$ts_a" "$@" </dev/null >"$ts_t/out" 2>"$ts_t/err"; }',
  );
  if (p.enabled !== null) {
    const want = p.enabled ? 1 : 0;
    const runlevel = shellQuote(p.runlevel);
    lines.push(
      `if [ "$ts_mgr" = openrc ]; then ts_en=0; rc-update show ${runlevel} 2>/dev/null | awk '{print $1}' | grep -qx -- "$ts_name" && ts_en=1`,
      'else ts_en=0; ts_sysv_enabled "$ts_name" && ts_en=1; fi',
      `if [ "$ts_en" != ${want} ]; then`,
      '  ts_say enable_changed 1',
      ...(checkMode
        ? []
        : [
            `  if [ "$ts_mgr" = openrc ]; then rc-update ${p.enabled ? 'add' : 'del'} "$ts_name" ${runlevel} >"$ts_t/eout" 2>"$ts_t/eerr"`,
            `  else update-rc.d "$ts_name" ${p.enabled ? 'defaults' : 'disable'} >"$ts_t/eout" 2>"$ts_t/eerr"; fi`,
            '  ts_say erc "$?"; ts_section eout "$ts_t/eout"; ts_section eerr "$ts_t/eerr"',
          ]),
      'fi',
    );
  }
  if (p.state !== null) {
    if (p.pattern !== null) {
      lines.push(`if ts_ps_has ${shellQuote(p.pattern)}; then ts_running=1; else ts_running=0; fi`);
    } else {
      lines.push(
        'if command -v service >/dev/null 2>&1 && [ "$ts_mgr" != openrc ]; then service "$ts_name" status </dev/null >"$ts_t/sout" 2>/dev/null; else ts_script status </dev/null >"$ts_t/sout" 2>/dev/null; fi',
        'ts_src=$?; ts_status_of "$ts_src" "$(cat "$ts_t/sout")" "$ts_name"',
      );
    }
    lines.push('ts_say running "$ts_running"');
    const action = p.state.replace(/p?ed$/, '');
    // Ansible's rule: start when stopped, stop when running, reload always, restart always.
    const needed: Record<string, string> = {
      start: '[ "$ts_running" = 0 ]',
      stop: '[ "$ts_running" = 1 ]',
      reload: 'true',
      restart: 'true',
    };
    const pause = p.sleep === null ? 1 : p.sleep;
    const fail = `ts_say rc "$ts_rc"; ts_section out "$ts_t/out"; ts_section err "$ts_t/err"; ts_say failed ${action}; ts_say end; exit 0`;
    lines.push(`if ${needed[action] ?? 'false'}; then`, `  ts_say action ${action}`);
    if (!checkMode) {
      if (action === 'restart') {
        // Not every init script has a working restart: stop, then start, as Ansible.
        for (const step of ['stop', 'start']) {
          lines.push(`  ts_do ${step}; ts_rc=$?; [ "$ts_rc" = 0 ] || { ${fail}; }`, pause > 0 ? `  sleep ${pause}` : '  :');
        }
      } else {
        lines.push(`  ts_do ${action}; ts_rc=$?; [ "$ts_rc" = 0 ] || { ${fail}; }`);
      }
      lines.push('  ts_say rc "$ts_rc"; ts_section out "$ts_t/out"; ts_section err "$ts_t/err"');
    }
    lines.push('fi');
  }
  lines.push('ts_say end');
  return lines.join('\n');
}
