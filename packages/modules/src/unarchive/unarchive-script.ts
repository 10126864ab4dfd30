import { shellJoin, shellQuote } from '@tsible/engine/connection/quote';
import { attrsWords, type AttributeRequest } from '../support/file-attrs/attrs-script.js';
import { probeCall } from '../support/file-state/probe-script.js';
import { remotePathWord } from '../support/remote-path.js';

export interface UnarchiveScriptOptions {
  /** Remote archive path, or null when the archive arrives on stdin. */
  remoteSource: string | null;
  dest: string;
  include: readonly string[];
  exclude: readonly string[];
  extraOpts: readonly string[];
  keepNewer: boolean;
  attrs: AttributeRequest;
  checkMode: boolean;
}

/**
 * One exec: detect the format with the tools the target has, extract into a
 * private staging directory next to dest, compare every entry with dest
 * (type, content, permissions), and copy over only what differs.
 *   @H handler  @F member (list)  @d entry that differs  @x failure
 */
export function unarchiveScript(o: UnarchiveScriptOptions): string {
  const tarMembers = o.include.length > 0 ? ` ${shellJoin([...o.include])}` : '';
  const tarExcludes = o.exclude.map((pattern) => ` --exclude=${shellQuote(pattern)}`).join('');
  const zipFilter = `${o.include.length > 0 ? ` ${shellJoin([...o.include])}` : ''}${o.exclude.length > 0 ? ` -x ${shellJoin([...o.exclude])}` : ''}`;
  const extra = o.extraOpts.length > 0 ? ` ${shellJoin([...o.extraOpts])}` : '';
  return [
    `ts_dest=${remotePathWord(o.dest)}`,
    `[ -d "$ts_dest" ] || ts_fail "Destination '$ts_dest' is not a directory"`,
    `ts_stage=$(mktemp -d "$ts_dest/../.tsible_unarchive.XXXXXXXX" 2>/dev/null || mktemp -d "\${TMPDIR:-/tmp}/.tsible_unarchive.XXXXXXXX") || ts_fail "could not create a staging directory"`,
    `trap 'rm -rf -- "$ts_stage"' EXIT`,
    o.remoteSource === null ? `ts_src="$ts_stage.archive"; trap 'rm -rf -- "$ts_stage" "$ts_src"' EXIT; cat > "$ts_src"` : `ts_src=${remotePathWord(o.remoteSource)}`,
    `[ -r "$ts_src" ] || ts_fail "Source '$ts_src' does not exist"`,
    // The first handler whose tool lists the archive wins, in Ansible's order.
    `ts_h=''`,
    `if command -v unzip >/dev/null 2>&1 && unzip -Z -1 "$ts_src" >/dev/null 2>&1; then ts_h=ZipArchive; ts_list='unzip -Z -1'`,
    `elif tar -tf "$ts_src" >/dev/null 2>&1 && ! gzip -t "$ts_src" 2>/dev/null && ! bzip2 -t "$ts_src" 2>/dev/null && ! xz -t "$ts_src" 2>/dev/null; then ts_h=TarArchive; ts_z=''`,
    `elif tar -tzf "$ts_src" >/dev/null 2>&1; then ts_h=TgzArchive; ts_z=z`,
    `elif tar -tjf "$ts_src" >/dev/null 2>&1; then ts_h=TarBzipArchive; ts_z=j`,
    `elif tar -tJf "$ts_src" >/dev/null 2>&1; then ts_h=TarXzArchive; ts_z=J`,
    `fi`,
    `[ -n "$ts_h" ] || ts_fail "Failed to find handler for \\"$ts_src\\". Make sure the required command to extract the file is installed."`,
    `printf '@H\\t%s\\n' "$ts_h"`,
    `if [ "$ts_h" = ZipArchive ]; then`,
    `  unzip -Z -1 "$ts_src"${zipFilter} 2>/dev/null | sed 's/^/@F\t/'`,
    `  ts_out=$(cd "$ts_stage" && unzip -q -o${extra} "$ts_src"${zipFilter} 2>&1) || ts_fail "failed to unpack $ts_src to $ts_dest: $ts_out"`,
    `else`,
    `  tar -t\${ts_z}f "$ts_src"${tarExcludes}${tarMembers} 2>/dev/null | sed 's/^/@F\t/'`,
    `  ts_out=$(cd "$ts_stage" && tar -x\${ts_z}f "$ts_src"${extra}${tarExcludes}${tarMembers} 2>&1) || ts_fail "failed to unpack $ts_src to $ts_dest: $ts_out"`,
    `fi`,
    // Compare (and, unless checking, copy) entry by entry; parents come before children in find's order.
    `cd "$ts_stage" && find . -mindepth 1 | while IFS= read -r ts_p; do`,
    `  ts_p=\${ts_p#./}; ts_s="$ts_stage/$ts_p"; ts_d="$ts_dest/$ts_p"`,
    `  if [ -L "$ts_s" ]; then [ -L "$ts_d" ] && [ "$(readlink -- "$ts_s")" = "$(readlink -- "$ts_d")" ] && continue`,
    `  elif [ -d "$ts_s" ]; then [ -d "$ts_d" ] && [ ! -L "$ts_d" ] && continue`,
    `  else [ -f "$ts_d" ] && [ ! -L "$ts_d" ] && cmp -s -- "$ts_s" "$ts_d" && [ "$(stat -c %a -- "$ts_s")" = "$(stat -c %a -- "$ts_d")" ] && continue`,
    `    ${o.keepNewer ? '[ -e "$ts_d" ] && [ "$ts_d" -nt "$ts_s" ] && continue' : ':'}`,
    `  fi`,
    `  printf '@d\\t%s\\n' "$ts_p"`,
    o.checkMode
      ? '  :'
      : `  if [ -d "$ts_s" ] && [ ! -L "$ts_s" ]; then { [ -L "$ts_d" ] || [ -f "$ts_d" ]; } && rm -f -- "$ts_d"; mkdir -p -- "$ts_d" && chmod "$(stat -c %a -- "$ts_s")" "$ts_d"; else rm -rf -- "$ts_d"; cp -pP -- "$ts_s" "$ts_d"; fi || { printf '@x\\t%s\\n' "could not write $ts_d"; exit 1; }`,
    `done || exit 1`,
    o.checkMode || (o.attrs.mode === null && o.attrs.owner === null && o.attrs.group === null)
      ? ':'
      : `cd "$ts_stage" && find . -mindepth 1 | while IFS= read -r ts_p; do ts_c=$(ts_attrs_changed "$ts_dest/\${ts_p#./}" ${attrsWords(o.attrs)}) || exit 1; if [ -n "$ts_c" ]; then printf '@a\\t%s\\n' "\${ts_p#./}"; fi; done || exit 1`,
    probeCall('a', '"$ts_dest"', { follow: true }),
  ].join('\n');
}

/** ts_attrs, reporting on stdout whether it changed anything (a ctime-free comparison of stat before/after). */
export const ATTRS_CHANGED_FUNCTION = `ts_attrs_changed() {
  ts_b=$(stat -c '%a %u %g' -- "$1")
  ts_attrs "$1" "$2" "$3" "$4" 1 >/dev/null || return 1
  [ "$ts_b" = "$(stat -c '%a %u %g' -- "$1")" ] || printf 'changed'
}`;
