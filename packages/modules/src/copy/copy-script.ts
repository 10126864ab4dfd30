import { shellQuote } from '@tsible/engine/connection/quote';
import { attrsWords, chmodWord, idsCall, type AttributeRequest } from '../support/file-attrs/attrs-script.js';
import { probeCall } from '../support/file-state/probe-script.js';
import { chattrCall } from '../support/file-attrs/flags.js';
import { validateAssignment, writeCall } from '../support/remote/atomic-write.js';
import { remotePathWord } from '../support/remote-path.js';

/** Where the new content comes from on the target. */
export type ContentSource =
  | { kind: 'stdin'; sha1: string }
  | { kind: 'staged'; sha1: string; pathWord: string }
  | { kind: 'remote'; pathWord: string }
  /** Only look: report what a write would do (check mode, or before staging a large file). */
  | { kind: 'none'; sha1: string };

/** Where and how one file lands on the target. */
export interface CopyTarget {
  dest: string;
  /** The name to use inside dest when dest is an existing directory (src copies); null for content. */
  nameInDirectory: string | null;
  attrs: AttributeRequest;
  backup: boolean;
  force: boolean;
  follow: boolean;
  validate: string | null;
  /** Create missing parent directories (dest ends with '/', or a tree copy), with this mode word. */
  makeParents: string | null;
  /** The `attributes` option (chattr flags), when given. */
  attributes: string | null;
}

export interface CopyScriptOptions extends CopyTarget {
  source: ContentSource;
  /** Print the old content for a diff. */
  wantBefore: boolean;
}

/** Ansible leaves diffs out above this size (max_diff_size). */
export const MAX_DIFF_BYTES = 104448;

/**
 * One exec that finds the real destination, compares checksums and, when the
 * content differs, writes it atomically; otherwise it only fixes attributes.
 *   @D final dest   @S sha1 of a remote source   @M md5 of the source
 *   @K kept (force=no)   @W written   @B old content (base64)
 * The probe after (tag a) runs only when something was changed.
 */
export function copyScript(o: CopyScriptOptions): string {
  const lines: string[] = [`ts_dest=${remotePathWord(o.dest.endsWith('/') && o.nameInDirectory !== null ? `${o.dest}${o.nameInDirectory}` : o.dest)}`];
  if (o.nameInDirectory !== null) lines.push(`if [ -d "$ts_dest" ]; then ts_dest="\${ts_dest%/}"/${shellQuote(o.nameInDirectory)}; fi`);
  else lines.push(`if [ -d "$ts_dest" ]; then ts_fail 'can not use content with a dir as dest'; fi`);
  if (o.follow) lines.push(`if [ -L "$ts_dest" ]; then ts_dest=$(readlink -f -- "$ts_dest"); fi`);
  lines.push(`printf '@D\\t%s\\n' "$ts_dest"`, probeCall('d', '"$ts_dest"', { follow: true }), 'ts_umask');
  if (o.attrs.owner !== null || o.attrs.group !== null) lines.push(idsCall(o.attrs));
  const source = o.source;
  if (source.kind === 'remote') {
    lines.push(`[ -e ${source.pathWord} ] || ts_fail "Source $(printf '%s' ${source.pathWord}) not found"`);
    lines.push(`[ -r ${source.pathWord} ] || ts_fail "Source $(printf '%s' ${source.pathWord}) not readable"`);
    lines.push(`ts_digest sha1 ${source.pathWord}; ts_want=$ts_d; printf '@S\\t%s\\n' "$ts_want"; ts_digest md5 ${source.pathWord}; printf '@M\\t%s\\n' "$ts_d"`);
  } else {
    lines.push(`ts_want=${shellQuote(source.sha1)}`);
  }
  lines.push(`ts_have=''; if [ -f "$ts_dest" ] && [ -r "$ts_dest" ] && ts_digest sha1 "$ts_dest"; then ts_have=$ts_d; fi`);
  if (o.wantBefore) {
    lines.push(`if [ -f "$ts_dest" ] && [ "$ts_have" != "$ts_want" ] && [ "$(stat -c %s -- "$ts_dest")" -le ${MAX_DIFF_BYTES} ]; then printf '@B\\t%s\\n' "$(base64 < "$ts_dest" | tr -d '\\n')"; fi`);
  }
  const write: string[] = [];
  if (o.makeParents !== null) write.push(`ts_parent=$(dirname -- "$ts_dest"); if [ ! -d "$ts_parent" ]; then mkdir -p -- "$ts_parent" || ts_fail "could not create $ts_parent"; ${o.makeParents === "''" ? '' : `chmod ${o.makeParents} "$ts_parent";`} fi`);
  write.push(validateAssignment(o.validate));
  const sourceWord = source.kind === 'stdin' ? '-' : source.kind === 'staged' || source.kind === 'remote' ? source.pathWord : '-';
  write.push(writeCall('"$ts_dest"', { mode: chmodWord(o.attrs.mode), owner: o.attrs.owner, group: o.attrs.group, backup: o.backup, source: sourceWord }));
  write.push(`printf '@W\\n'; ts_did=1`);
  // Flags are set on the final file, after the move, as Ansible does.
  if (o.attributes !== null) write.push(chattrCall('"$ts_dest"', o.attributes, false));
  const flagsOnly = o.attributes === null ? '' : `; ${chattrCall('"$ts_dest"', o.attributes, source.kind === 'none')}`;
  const writes = source.kind === 'none' ? `printf '@N\\n'` : write.join('\n  ');
  lines.push(
    "ts_did=''",
    `if [ -e "$ts_dest" ] && [ ${o.force ? 1 : 0} = 0 ]; then printf '@K\\n'`,
    `elif [ "$ts_have" != "$ts_want" ]; then`,
    `  ${writes}`,
    `else`,
    source.kind === 'none' ? `  :${flagsOnly}` : `  ts_attrs "$ts_dest" ${attrsWords(o.attrs)} 0 k${flagsOnly}`,
    'fi',
    // Nothing changed: the probe above still tells the truth.
    `[ -z "$ts_did" ] || ${probeCall('a', '"$ts_dest"', { follow: true })}`,
  );
  if (source.kind === 'staged') lines.push(`rm -f -- ${source.pathWord}`);
  return lines.join('\n');
}
