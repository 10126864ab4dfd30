import { shellQuote } from '@tsible/engine/connection/quote';
import { STAT_FORMAT } from '../file-state/probe-script.js';
import type { ModeRequest } from './mode.js';

const STAT_WORD = shellQuote(STAT_FORMAT);
const TAB = '\t';

/**
 * sh functions that set mode/owner/group only where they differ, so an
 * unchanged path keeps its ctime. Failures use Ansible's messages.
 *
 *   ts_attrs PATH MODE OWNER GROUP NOFOLLOW(0|1) [k]
 *   MODE is an octal string without leading zeros, a symbolic expression
 *   (resolved by chmod, whose rules Ansible follows), or empty.
 *   `k`: PATH is unchanged since ts_probe looked at it, so its stat line
 *   (ts_ks) is reused instead of running stat again.
 *   ts_did is set to 1 when anything was changed.
 *
 * One stat gives mode, ids and names; a name is looked up only when it
 * differs from the current one (a name the path already has exists).
 */
export const ATTRS_FUNCTIONS = `ts_fail() { printf '@x\\t%s\\n' "$(printf '%s' "$1" | tr '\\n' ' ')"; exit 1; }
ts_isnum() { case $1 in ''|*[!0-9]*) return 1;; esac; return 0; }
ts_user_known() { ts_isnum "$1" || id -u -- "$1" >/dev/null 2>&1; }
ts_group_known() { ts_isnum "$1" || { command -v getent >/dev/null 2>&1 && getent group "$1" >/dev/null 2>&1; } || grep -q "^$1:" /etc/group 2>/dev/null; }
ts_attrs_now() {
  if [ "$3" = k ] && [ -n "$2" ] && [ "$1" = "\${ts_kp-}" ]; then ts_c=$ts_ks; else ts_c=$(stat $2 -c ${STAT_WORD} -- "$1" 2>/dev/null) || ts_c=''; fi
  ts_hex=\${ts_c%%${TAB}*}; ts_r=\${ts_c#*${TAB}}; ts_uid=\${ts_r%%${TAB}*}; ts_r=\${ts_r#*${TAB}}; ts_gid=\${ts_r%%${TAB}*}
  ts_gn=\${ts_c##*${TAB}}; ts_r=\${ts_c%${TAB}*}; ts_un=\${ts_r##*${TAB}}
}
ts_attrs() {
  [ -n "$2$3$4" ] || return 0
  ts_h=''; ts_L='-L'
  if [ "$5" = 1 ] && [ -L "$1" ]; then ts_h='-h'; ts_L=''; fi
  ts_attrs_now "$1" "$ts_L" "\${6-}"
  ts_moved=''
  if [ -n "$3" ] && [ "$3" != "$ts_uid" ] && [ "$3" != "$ts_un" ]; then
    ts_user_known "$3" || ts_fail "chown failed: failed to look up user $3"
    ts_e=$(chown $ts_h -- "$3" "$1" 2>&1) || ts_fail "chown failed: $ts_e"
    ts_moved=1
  fi
  if [ -n "$4" ] && [ "$4" != "$ts_gid" ] && [ "$4" != "$ts_gn" ]; then
    ts_group_known "$4" || ts_fail "chgrp failed: failed to look up group $4"
    ts_e=$(chgrp $ts_h -- "$4" "$1" 2>&1) || ts_fail "chgrp failed: $ts_e"
    ts_moved=1
  fi
  # Linux cannot chmod a symlink itself; Ansible skips it too.
  if [ -n "$2" ] && [ -z "$ts_h" ]; then
    # chown may have cleared setuid/setgid bits: look again before comparing.
    case $2 in *[!0-7]*) ;; *) [ -z "$ts_moved" ] || ts_attrs_now "$1" -L ;; esac
    case $2 in
      *[!0-7]*) ts_e=$(chmod -- "$2" "$1" 2>&1) || ts_fail "chmod failed: $ts_e"; ts_moved=1 ;;
      *) if [ -z "$ts_hex" ] || [ $(( 0x$ts_hex & 4095 )) != $(( 0$2 )) ]; then ts_e=$(chmod -- "$2" "$1" 2>&1) || ts_fail "chmod failed: $ts_e"; ts_moved=1; fi ;;
    esac
  fi
  if [ -n "$ts_moved" ]; then ts_did=1; ts_kp=''; fi
  return 0
}
ts_ids() {
  if [ -n "$1" ]; then if ts_isnum "$1"; then printf '@i\\tu\\t%s\\n' "$1"; else printf '@i\\tu\\t%s\\n' "$(id -u -- "$1" 2>/dev/null)"; fi; fi
  if [ -n "$2" ]; then
    if ts_isnum "$2"; then printf '@i\\tg\\t%s\\n' "$2"
    else printf '@i\\tg\\t%s\\n' "$( { getent group "$2" 2>/dev/null || grep "^$2:" /etc/group; } | head -n 1 | cut -d: -f3)"; fi
  fi
}`;

export interface AttributeRequest {
  mode: ModeRequest | null;
  owner: string | null;
  group: string | null;
}

/** The MODE word ts_attrs takes: chmod's octal form (no leading zeros) or the symbolic text. */
export function chmodWord(mode: ModeRequest | null): string {
  if (mode === null) return "''";
  return shellQuote(mode.kind === 'octal' ? (mode.mode & 0o7777).toString(8) : mode.expression);
}

/** The MODE OWNER GROUP words of ts_attrs (and of functions built on it). */
export function attrsWords(attrs: AttributeRequest): string {
  return `${chmodWord(attrs.mode)} ${shellQuote(attrs.owner ?? '')} ${shellQuote(attrs.group ?? '')}`;
}

/** One ts_attrs call for a path already made a shell word; `probed`: unchanged since ts_probe looked at it. */
export function attrsCall(pathWord: string, attrs: AttributeRequest, noFollow = false, probed = false): string {
  return `ts_attrs ${pathWord} ${attrsWords(attrs)} ${noFollow ? 1 : 0}${probed ? ' k' : ''}`;
}

/** Asks the target which uid/gid the requested owner/group names map to (for check-mode diffs). */
export function idsCall(attrs: AttributeRequest): string {
  return `ts_ids ${shellQuote(attrs.owner ?? '')} ${shellQuote(attrs.group ?? '')}`;
}
