import { shellQuote } from '@tsible/engine/connection/quote';

/**
 * sh function for an atomic replace of DEST with the bytes on stdin (or an
 * already uploaded staging file): a 0600 temp file in DEST's directory gets the
 * content, the attributes and the validate run, then `mv -f` puts it in place.
 * A trap removes the temp file on any failure.
 *
 *   ts_write DEST MODE OWNER GROUP BACKUP(0|1) SOURCE('-' for stdin, or a path)
 *   VALIDATE is read from $ts_validate: a command with "$ts_tmp" already in place of %s.
 */
export const WRITE_FUNCTIONS = `ts_write() {
  case $1 in */*) ts_dir=\${1%/*}; ts_dir=\${ts_dir:-/} ;; *) ts_dir=. ;; esac
  [ -d "$ts_dir" ] || ts_fail "Destination directory $ts_dir does not exist"
  [ -w "$ts_dir" ] || ts_fail "Destination $ts_dir not writable"
  ts_tmp=$(mktemp "$ts_dir/.tsible_tmp.XXXXXXXX") || ts_fail "could not create a temporary file in $ts_dir"
  trap 'rm -f -- "$ts_tmp"' EXIT
  printf '@T\\t%s\\n' "$ts_tmp"
  trap 'exit 1' HUP INT TERM
  if [ "$6" = - ]; then cat > "$ts_tmp" || ts_fail "could not write $1"
  else cat -- "$6" > "$ts_tmp" || ts_fail "could not write $1"; fi
  if [ -e "$1" ]; then
    # Replacing keeps the existing file's mode and (when allowed) its owner, as Ansible's atomic_move does.
    ts_attrs_now "$1" -L k
    [ -z "$ts_hex" ] || chmod "$(printf '%o' $(( 0x$ts_hex & 4095 )))" "$ts_tmp"
    # The temp file is ours already when the old one was (unless the directory hands out its group).
    { [ -O "$1" ] && [ -G "$1" ] && [ ! -g "$ts_dir" ]; } || chown "$ts_uid:$ts_gid" "$ts_tmp" 2>/dev/null
  else
    chmod "$(printf '%o' $(( 0666 & ~0$(umask) )))" "$ts_tmp"
  fi
  ts_attrs "$ts_tmp" "$2" "$3" "$4" 0
  if [ -n "\${ts_validate:-}" ]; then
    ts_vout=$(eval "$ts_validate" 2>&1); ts_vrc=$?
    if [ "$ts_vrc" != 0 ]; then printf '@v\\t%s\\n' "$ts_vrc"; printf '%s' "$ts_vout" >&2; ts_fail "failed to validate"; fi
  fi
  if [ "$5" = 1 ] && [ -f "$1" ]; then
    ts_bak="$1.$$.$(date +%Y-%m-%d@%H:%M:%S)~"
    cp -p -- "$1" "$ts_bak" || ts_fail "Could not make backup of $1 to $ts_bak"
    printf '@b\\t%s\\n' "$ts_bak"
  fi
  mv -f -- "$ts_tmp" "$1" || ts_fail "Could not replace file: $ts_tmp to $1"
  ts_kp=''
  trap - EXIT HUP INT TERM
}`;

/**
 * The validate command with %s standing for the temp file; Ansible requires
 * the %s, so a missing one is a user error reported before anything runs.
 */
export function validateAssignment(validate: string | null): string {
  if (validate === null || validate === '') return "ts_validate=''";
  // The command is the user's shell code; only the temp file's name is put in, as a quoted variable.
  return `ts_validate=${shellQuote(validate.split('%s').join('"$ts_tmp"'))}`;
}

export function writeCall(destWord: string, options: { mode: string; owner: string | null; group: string | null; backup: boolean; source?: string }): string {
  return `ts_write ${destWord} ${options.mode} ${shellQuote(options.owner ?? '')} ${shellQuote(options.group ?? '')} ${options.backup ? 1 : 0} ${options.source ?? '-'}`;
}
