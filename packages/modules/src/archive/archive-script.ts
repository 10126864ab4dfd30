import { shellQuote } from '@tsible/engine/connection/quote';
import { attrsCall, type AttributeRequest } from '../support/file-attrs/attrs-script.js';
import { probeCall } from '../support/file-state/probe-script.js';
import { remotePathWord } from '../support/remote-path.js';
import { globWord } from './glob-word.js';

export interface ArchiveScriptOptions {
  paths: readonly string[];
  excludes: readonly string[];
  dest: string | null;
  format: 'bz2' | 'gz' | 'tar' | 'xz' | 'zip';
  forceArchive: boolean;
  remove: boolean;
  attrs: AttributeRequest;
  checkMode: boolean;
}

const COMPRESSORS = { gz: 'gzip', bz2: 'bzip2', xz: 'xz' } as const;
const TAR_FLAG = { gz: 'z', bz2: 'j', xz: 'J', tar: '' } as const;

/**
 * One exec. Expands the paths on the target, builds the new archive in a temp
 * file next to dest and keeps the old one when its members (names and
 * contents) are the same, so a rebuilt archive with new timestamps is no change.
 *   @e expanded path  @m missing  @A arcroot  @k kind (archive|compress)  @D dest  @W written  @Y archived
 */
export function archiveScript(o: ArchiveScriptOptions): string {
  const lines = [`ts_list=$(mktemp "\${TMPDIR:-/tmp}/.tsible_archive.XXXXXXXX") || ts_fail "could not create a temporary file"`];
  lines.push(`trap 'rm -f -- "$ts_list" "\${ts_new:-}"' EXIT`);
  for (const path of o.paths) {
    lines.push(`ts_any=0; for ts_p in ${globWord(path)}; do if [ -e "$ts_p" ] || [ -L "$ts_p" ]; then ts_any=1; printf '%s\\n' "$ts_p" >> "$ts_list"; fi; done; [ "$ts_any" = 1 ] || printf '@m\\t%s\\n' ${shellQuote(path)}`);
  }
  for (const exclude of o.excludes) {
    lines.push(`for ts_x in ${globWord(exclude)}; do grep -vxF -- "$ts_x" "$ts_list" > "$ts_list.x"; mv -f -- "$ts_list.x" "$ts_list"; done`);
  }
  lines.push(`sed 's/^/@e\t/' "$ts_list"`, `ts_n=$(wc -l < "$ts_list" | tr -d ' ')`);
  lines.push(`[ "$ts_n" -gt 0 ] || ts_fail "Error, no source paths were found"`);
  lines.push(`ts_first=$(head -n 1 "$ts_list"); if [ "$ts_n" = 1 ] && [ -f "$ts_first" ]; then ts_single=1; else ts_single=0; fi`);
  const compressible = o.format !== 'tar' && o.format !== 'zip' && !o.forceArchive;
  lines.push(`if [ "$ts_single" = 1 ] && [ ${compressible ? 1 : 0} = 1 ]; then ts_kind=compress; else ts_kind=archive; fi`, `printf '@k\\t%s\\n' "$ts_kind"`);
  if (o.dest === null) lines.push(`[ "$ts_single" = 1 ] || ts_fail 'Error, must specify "dest" when archiving multiple files or trees'`);
  const dest = o.dest === null ? `"$ts_first".${o.format}` : remotePathWord(o.dest);
  lines.push(
    `ts_dest=${dest}`,
    `printf '@D\\t%s\\n' "$ts_dest"`,
    // Common parent of everything archived: members are stored relative to it.
    `ts_root=$(dirname -- "$(head -n 1 "$ts_list")"); while IFS= read -r ts_p; do while :; do case $ts_p in "$ts_root"/*|"$ts_root") break;; esac; ts_root=$(dirname -- "$ts_root"); done; done < "$ts_list"`,
    `[ "$ts_root" = / ] || ts_root="$ts_root/"; printf '@A\\t%s\\n' "$ts_root"`,
    `ts_new=$(mktemp "$(dirname -- "$ts_dest")/.tsible_archive.XXXXXXXX") || ts_fail "Destination directory of $ts_dest is not writable"`,
  );
  lines.push(`ts_relative() { while IFS= read -r ts_p; do ts_r=\${ts_p#"$ts_root"}; printf '%s\\n' "\${ts_r:-.}"; done < "$ts_list"; }`);
  if (o.format === 'zip') {
    lines.push(`(cd "$ts_root" && ts_relative | zip -q -r -X "$ts_new.zip" -@) && mv -f -- "$ts_new.zip" "$ts_new" || ts_fail "could not create $ts_dest (zip is needed on the target)"`);
    lines.push(`ts_fp() { { unzip -Z -1 "$1" | sort; unzip -p "$1"; } 2>/dev/null | ts_sum; }`);
  } else {
    const compressor = o.format === 'tar' ? 'cat' : COMPRESSORS[o.format];
    lines.push(`if [ "$ts_kind" = compress ]; then ${compressor} -c < "$ts_first" > "$ts_new" || ts_fail "could not compress with ${compressor}"`);
    lines.push(`else (cd "$ts_root" && ts_relative | tar -c${TAR_FLAG[o.format]}f "$ts_new" -T -) || ts_fail "could not create $ts_dest"; fi`);
    lines.push(`if [ "$ts_kind" = compress ]; then ts_fp() { ${compressor} -dc < "$1" 2>/dev/null | ts_sum; }; else ts_fp() { { tar -t${TAR_FLAG[o.format]}f "$1" | sort; tar -x${TAR_FLAG[o.format]}Of "$1"; } 2>/dev/null | ts_sum; }; fi`);
  }
  lines.push(`ts_sum() { ts_t=$(mktemp) && cat > "$ts_t" && ts_digest sha1 "$ts_t" && printf '%s' "$ts_d"; rm -f -- "$ts_t"; }`);
  const write = o.checkMode ? `printf '@W\\n'` : `chmod 0644 "$ts_new" 2>/dev/null; mv -f -- "$ts_new" "$ts_dest" || ts_fail "could not write $ts_dest"; printf '@W\\n'`;
  lines.push(`if [ -f "$ts_dest" ] && [ "$(ts_fp "$ts_dest")" = "$(ts_fp "$ts_new")" ]; then :; else ${write}; fi`);
  if (!o.checkMode) {
    // What went in, as Ansible lists it: a directory's contents (not the directory itself), or the path.
    lines.push(`while IFS= read -r ts_p; do if [ "$ts_kind" = archive ] && [ -d "$ts_p" ] && [ ! -L "$ts_p" ]; then find "$ts_p" -mindepth 1 | sed 's/^/@Y\t/'; else printf '@Y\t%s\n' "$ts_p"; fi; done < "$ts_list"`);
    lines.push(`[ -e "$ts_dest" ] && ${attrsCall('"$ts_dest"', o.attrs)}`);
    if (o.remove) lines.push(`while IFS= read -r ts_p; do [ "$ts_p" = "$ts_dest" ] || rm -rf -- "$ts_p" || ts_fail "Unable to remove source file $ts_p"; done < "$ts_list"; printf '@R\\n'`);
  }
  lines.push(probeCall('a', '"$ts_dest"', { follow: true }));
  return lines.join('\n');
}
