import { shellQuote } from '@tsible/engine/connection/quote';
import type { ModeRequest } from './mode.js';

/**
 * sh functions that set mode/owner/group only where they differ, so an
 * unchanged path keeps its ctime. Failures use Ansible's messages.
 *
 *   ts_attrs PATH MODE OWNER GROUP NOFOLLOW(0|1)
 *   MODE is an octal string without leading zeros, a symbolic expression
 *   (resolved by chmod, whose rules Ansible follows), or empty.
 */
export const ATTRS_FUNCTIONS = `ts_fail() { printf '@x\\t%s\\n' "$(printf '%s' "$1" | tr '\\n' ' ')"; exit 1; }
ts_isnum() { case $1 in ''|*[!0-9]*) return 1;; esac; return 0; }
ts_user_known() { ts_isnum "$1" || id -u -- "$1" >/dev/null 2>&1; }
ts_group_known() { ts_isnum "$1" || { command -v getent >/dev/null 2>&1 && getent group "$1" >/dev/null 2>&1; } || grep -q "^$1:" /etc/group 2>/dev/null; }
ts_attrs() {
  ts_h=''; ts_L='-L'
  if [ "$5" = 1 ] && [ -L "$1" ]; then ts_h='-h'; ts_L=''; fi
  if [ -n "$3" ]; then
    ts_user_known "$3" || ts_fail "chown failed: failed to look up user $3"
    ts_cur=$(stat $ts_L -c '%u %U' -- "$1")
    if [ "$ts_cur" != "$3 \${ts_cur#* }" ] && [ "\${ts_cur#* }" != "$3" ]; then
      ts_e=$(chown $ts_h -- "$3" "$1" 2>&1) || ts_fail "chown failed: $ts_e"
    fi
  fi
  if [ -n "$4" ]; then
    ts_group_known "$4" || ts_fail "chgrp failed: failed to look up group $4"
    ts_cur=$(stat $ts_L -c '%g %G' -- "$1")
    if [ "$ts_cur" != "$4 \${ts_cur#* }" ] && [ "\${ts_cur#* }" != "$4" ]; then
      ts_e=$(chgrp $ts_h -- "$4" "$1" 2>&1) || ts_fail "chgrp failed: $ts_e"
    fi
  fi
  # Linux cannot chmod a symlink itself; Ansible skips it too.
  if [ -n "$2" ] && [ -z "$ts_h" ]; then
    case $2 in
      *[!0-7]*) ts_e=$(chmod -- "$2" "$1" 2>&1) || ts_fail "chmod failed: $ts_e" ;;
      *) if [ "$(stat -L -c %a -- "$1")" != "$2" ]; then ts_e=$(chmod -- "$2" "$1" 2>&1) || ts_fail "chmod failed: $ts_e"; fi ;;
    esac
  fi
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

/** One ts_attrs call for a path already made a shell word. */
export function attrsCall(pathWord: string, attrs: AttributeRequest, noFollow = false): string {
  return `ts_attrs ${pathWord} ${attrsWords(attrs)} ${noFollow ? 1 : 0}`;
}

/** Asks the target which uid/gid the requested owner/group names map to (for check-mode diffs). */
export function idsCall(attrs: AttributeRequest): string {
  return `ts_ids ${shellQuote(attrs.owner ?? '')} ${shellQuote(attrs.group ?? '')}`;
}
