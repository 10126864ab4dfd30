import type { ModuleResult } from '@tsible/engine';
import { shellQuote } from '@tsible/engine/connection/quote';
import type { ScriptOutcome } from '../remote/run-script.js';

/**
 * The `attributes` option (alias `attr`): file flags through lsattr/chattr
 * (e2fsprogs), as Ansible's set_attributes_if_different applies them.
 *
 *   ts_chattr PATH ATTRIBUTES CHECK(0|1)
 *   ATTRIBUTES is `+flags`, `-flags` or `flags` (`=flags`). The flags
 *   differ when lsattr shows other letters, or always for `-`. When they
 *   differ and chattr exists: prints `@AT <flags before> <what was asked>`
 *   and, unless CHECK, runs chattr; a refusal (a filesystem without flags)
 *   prints `@AE`, chattr's words on stderr, and stops the script.
 */
export const FLAGS_FUNCTIONS = `ts_flags() {
  ts_af=''
  command -v lsattr >/dev/null 2>&1 || return 0
  ts_af=$(lsattr -d "$1" 2>/dev/null) || { ts_af=''; return 0; }
  ts_af=\${ts_af%% *}
  while :; do case $ts_af in *-*) ts_af=\${ts_af%%-*}\${ts_af#*-} ;; *) break ;; esac; done
}
ts_chattr() {
  ts_flags "$1"
  ts_am='='; ts_aw=$2
  case $2 in [-+]*) ts_am=\${2%"\${2#?}"}; ts_aw=\${2#?} ;; esac
  [ "$ts_af" != "$ts_aw" ] || [ "$ts_am" = - ] || return 0
  command -v chattr >/dev/null 2>&1 || return 0
  printf '@AT\\t%s\\t%s\\n' "$ts_af" "$ts_am$ts_aw"
  ts_did=1
  [ "$3" = 1 ] && return 0
  case $1 in /*) ts_ap=$1 ;; *) ts_ap=./$1 ;; esac
  ts_e=$("$(command -v chattr)" "$ts_am$ts_aw" "$ts_ap" 2>&1) && [ -z "$ts_e" ] && return 0
  printf '%s\\n' "$ts_e" >&2
  printf '@AE\\n'
  ts_fail 'chattr failed'
}`;

/** One ts_chattr call for a path already made a shell word; `checkOnly` reports without changing. */
export function chattrCall(pathWord: string, attributes: string, checkOnly: boolean): string {
  return `ts_chattr ${pathWord} ${shellQuote(attributes)} ${checkOnly ? 1 : 0}`;
}

/** The flags before and what was asked, when they differ (Ansible's attribute diff entries). */
export function flagsChange(outcome: ScriptOutcome): { before: string; after: string } | undefined {
  const record = outcome.records.get('@AT')?.[0];
  return record === undefined ? undefined : { before: record[0] ?? '', after: record[1] ?? '' };
}

/** Ansible's failure keys when chattr refused: msg, details and the exception line. */
export function chattrFailure(outcome: ScriptOutcome): ModuleResult | undefined {
  if (!outcome.records.has('@AE')) return undefined;
  const details = `Error while setting attributes: ${outcome.run.stderr.toString('utf8')}`;
  return { changed: false, failed: true, msg: 'chattr failed', details, exception: `Exception: ${details}` };
}
