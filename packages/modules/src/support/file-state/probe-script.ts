import { shellQuote } from '@tsible/engine/connection/quote';

/**
 * The remote half of the file-state probe: sh functions that print one
 * tab-separated record per fact, so any module can ask about several paths
 * in the same exec. Needs only `stat -c` (GNU coreutils or busybox).
 *
 *   @p TAG absent | @p TAG <stat fields>   the path itself (lstat)
 *   @f TAG absent | @f TAG <stat fields>   what a symlink points to (stat -L)
 *   @l TAG <target>                        a symlink's target
 *   @r TAG <path>                          where a followed symlink finally leads
 *   @c TAG <algorithm> <hex digest>        checksum of a regular file
 *   @u <octal umask>
 *
 * ts_digest ALGORITHM PATH sets ts_d; ts_kp/ts_ks remember the last probed
 * path and its (followed) stat line until something changes it.
 */
export const STAT_FORMAT = '%f\t%u\t%g\t%s\t%Y\t%X\t%Z\t%h\t%i\t%d\t%b\t%o\t%t\t%T\t%U\t%G';

// Every fork counts on a busy target: stat runs straight inside $(...) (no
// function in a subshell), digests land in a variable, umask prints itself.
const STAT_WORD = shellQuote(STAT_FORMAT);

export const PROBE_FUNCTIONS = [
  // ts_probe TAG PATH FOLLOW(0|1) ALGORITHM(''|sha1|md5...)
  // Remembers the followed stat line as ts_ks for PATH ts_kp, so ts_attrs need not stat again.
  `ts_probe() {
  if [ ! -e "$2" ] && [ ! -L "$2" ]; then printf '@p\\t%s\\tabsent\\n' "$1"; return 0; fi
  ts_s=$(stat -c ${STAT_WORD} -- "$2" 2>/dev/null) || { printf '@p\\t%s\\tabsent\\n' "$1"; return 0; }
  printf '@p\\t%s\\t%s\\n' "$1" "$ts_s"
  if [ -L "$2" ]; then
    ts_kp=''
    printf '@l\\t%s\\t%s\\n' "$1" "$(readlink -- "$2")"
    if [ "$3" = 1 ]; then
      if ts_s=$(stat -L -c ${STAT_WORD} -- "$2" 2>/dev/null); then printf '@f\\t%s\\t%s\\n' "$1" "$ts_s"; ts_kp=$2; ts_ks=$ts_s; else printf '@f\\t%s\\tabsent\\n' "$1"; fi
      printf '@r\\t%s\\t%s\\n' "$1" "$(readlink -f -- "$2")"
    fi
  else
    ts_kp=$2; ts_ks=$ts_s
  fi
  if [ -n "$4" ] && [ -f "$2" ] && { [ "$3" = 1 ] || [ ! -L "$2" ]; } && [ -r "$2" ]; then
    ts_digest "$4" "$2" && printf '@c\\t%s\\t%s\\t%s\\n' "$1" "$4" "$ts_d"
  fi
  return 0
}`,
  // ts_digest ALGORITHM PATH: sets ts_d to the hex digest (no output, so callers need no subshell).
  `ts_digest() {
  ts_d=''
  if command -v "$1"sum >/dev/null 2>&1; then ts_d=$("$1"sum < "$2") || return 1
  elif command -v openssl >/dev/null 2>&1; then ts_d=$(openssl dgst -"$1" -r < "$2") || return 1
  else return 1; fi
  ts_d=\${ts_d%% *}
}`,
  `ts_umask() { printf '@u\\t'; umask; }`,
].join('\n');

/** One probe call for a path already made a shell word (see remotePathWord). */
export function probeCall(tag: string, pathWord: string, options: { follow?: boolean; checksum?: string | undefined } = {}): string {
  return `ts_probe ${shellQuote(tag)} ${pathWord} ${options.follow === true ? 1 : 0} ${shellQuote(options.checksum ?? '')}`;
}
