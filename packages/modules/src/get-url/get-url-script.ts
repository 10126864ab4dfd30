import { shellQuote } from '@tsible/engine/connection/quote';
import { attrsCall, attrsWords, idsCall, type AttributeRequest } from '../support/file-attrs/attrs-script.js';
import { probeCall } from '../support/file-state/probe-script.js';
import { remotePathWord } from '../support/remote-path.js';
import { downloaderFunctions } from './downloader.js';

export interface DownloadScriptOptions {
  url: string;
  dest: string;
  /** File name used when dest is a directory. */
  urlName: string;
  /** Expected digest (algorithm, hex), or null. */
  checksum: { algorithm: string; digest: string } | null;
  force: boolean;
  backup: boolean;
  attrs: AttributeRequest;
  checkMode: boolean;
  wgetConfigRequired: boolean;
}

/**
 * One exec: find the real destination, skip when force=no and the checksum
 * already matches, else download to a temp file in the destination's
 * directory, verify, and move it into place only when its content differs.
 *   @D dest file  @H sha1 of the old file  @K kept (checksum matched)
 *   @S sha1 size of the download  @C digest by the checksum's algorithm  @W written
 */
export function downloadScript(o: DownloadScriptOptions): string {
  const lines = [
    downloaderFunctions(o.wgetConfigRequired),
    'ts_dl_setup',
    `ts_dest=${remotePathWord(o.dest)}`,
    `if [ -d "$ts_dest" ]; then ts_file="\${ts_dest%/}"/${shellQuote(o.urlName)}; ts_isdir=1; else ts_file="$ts_dest"; ts_isdir=0; fi`,
    `printf '@D\\t%s\\n' "$ts_file"`,
    probeCall('d', '"$ts_file"', { follow: true }),
    'ts_umask',
  ];
  if (o.attrs.owner !== null || o.attrs.group !== null) lines.push(idsCall(o.attrs));
  lines.push(`ts_have=''; if [ -f "$ts_file" ] && ts_digest sha1 "$ts_file"; then ts_have=$ts_d; fi`, `printf '@H\\t%s\\n' "$ts_have"`);
  let timeCondition = '';
  if (!o.force) {
    if (o.checksum !== null) {
      const keep = [`printf '@K\\n'`];
      if (!o.checkMode) keep.push(attrsCall('"$ts_file"', o.attrs));
      keep.push(probeCall('a', '"$ts_file"', { follow: true }), `printf '@end\\n'`, 'exit 0');
      lines.push(`if [ "$ts_isdir" = 0 ] && [ -f "$ts_file" ] && ts_digest ${shellQuote(o.checksum.algorithm)} "$ts_file" && [ "$ts_d" = ${shellQuote(o.checksum.digest)} ]; then ${keep.join('; ')}; fi`);
    } else {
      // Without a checksum an existing file is only replaced when the server has a newer one.
      timeCondition = `"$([ "$ts_isdir" = 0 ] && [ -f "$ts_file" ] && printf '%s' "$ts_file")"`;
    }
  }
  lines.push(
    `ts_dir=$(dirname -- "$ts_file")`,
    `[ -d "$ts_dir" ] || ts_fail "Destination $ts_dir does not exist"`,
    `ts_dl=$(mktemp "$ts_dir/.tsible_get_url.XXXXXXXX") || ts_fail "Destination $ts_dir is not writable"`,
    `ts_fetch ${shellQuote(o.url)} "$ts_dl" ${timeCondition}`,
    `if [ "$ts_rc" != 0 ] || [ "$ts_code" -ge 400 ] || [ "$ts_code" = 304 ]; then printf '@end\\n'; exit 0; fi`,
    `ts_digest sha1 "$ts_dl"; printf '@S\\t%s\\t%s\\n' "$ts_d" "$(wc -c < "$ts_dl" | tr -d ' ')"`,
    // Where the download landed (Ansible's `src`) and its md5sum.
    `printf '@P\\t%s\\n' "$ts_dl"; ts_digest md5 "$ts_dl"; printf '@M\\t%s\\n' "$ts_d"`,
  );
  if (o.checksum !== null) {
    lines.push(`ts_digest ${shellQuote(o.checksum.algorithm)} "$ts_dl"; ts_got=$ts_d; printf '@C\\t%s\\n' "$ts_got"`);
    lines.push(`[ "$ts_got" = ${shellQuote(o.checksum.digest)} ] || ts_fail "The checksum for $ts_file did not match ${o.checksum.digest}; it was $ts_got."`);
  }
  const write = o.checkMode ? `printf '@W\\n'` : `( ts_write "$ts_file" ${attrsWords(o.attrs)} ${o.backup ? 1 : 0} "$ts_dl" ) || exit 1; printf '@W\\n'`;
  const same = o.checkMode ? ':' : attrsCall('"$ts_file"', o.attrs);
  lines.push(`ts_digest sha1 "$ts_dl"; if [ "$ts_d" != "$ts_have" ]; then ${write}; else ${same}; fi`, probeCall('a', '"$ts_file"', { follow: true }));
  return lines.join('\n');
}
