import type { ArgumentSpec, Module, ModuleContext, ModuleResult, ParamsOf } from '@tsible/engine';
import { shellQuote } from '@tsible/engine/connection/quote';
import type { PresentState } from '../support/file-state/file-state.js';
import { statInfo } from '../support/file-state/stat-info.js';
import { probeCall } from '../support/file-state/probe-script.js';
import { failed, runFileScript } from '../support/remote/run-script.js';
import { remotePathWord } from '../support/remote-path.js';
import { expandCall, expandedPath } from '../support/remote/expand-path.js';
import { fileAttributeNames } from './file-attributes.js';

/** Ansible 2.14's stat module options. */
export const statSpec = {
  options: {
    path: { type: 'path', required: true, aliases: ['dest', 'name'] },
    follow: { type: 'bool', default: false },
    get_checksum: { type: 'bool', default: true },
    checksum_algorithm: { type: 'str', default: 'sha1', choices: ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'], aliases: ['checksum', 'checksum_algo'] },
    get_mime: { type: 'bool', default: true, aliases: ['mime', 'mime_type', 'mime-type'] },
    get_attributes: { type: 'bool', default: true, aliases: ['attr', 'attributes'] },
  },
} as const satisfies ArgumentSpec;

export type StatParams = ParamsOf<typeof statSpec>;

/**
 * Everything in one exec: the probe, access checks as the connecting user,
 * `file` for the MIME type and `lsattr` for attributes, each when present.
 */
function statScript(params: StatParams): string {
  const p = remotePathWord(params.path);
  const target = params.follow ? `"$(readlink -f -- ${p})"` : p;
  const lines = [
    expandCall(params.path),
    probeCall('s', p, { follow: true, checksum: params.get_checksum ? params.checksum_algorithm : undefined }),
    `if [ -e ${p} ] || [ -L ${p} ]; then`,
    `  ts_acc=''; [ -r ${target} ] && ts_acc=r; [ -w ${target} ] && ts_acc="\${ts_acc}w"; [ -x ${target} ] && ts_acc="\${ts_acc}x"; printf '@a\\t%s\\n' "$ts_acc"`,
  ];
  if (params.follow && params.get_checksum) lines.push(`  if [ -L ${p} ] && [ -f ${p} ] && [ -r ${p} ]; then ts_digest ${shellQuote(params.checksum_algorithm)} ${p}; printf '@C\\t%s\\n' "$ts_d"; fi`);
  // Straight to stdout, no $(...): one process each. `file -b` leaves out the name.
  if (params.get_mime) lines.push(`  if command -v file >/dev/null 2>&1; then printf '@m\\t'; file -b --mime-type --mime-encoding -- ${target} 2>/dev/null || echo; fi`);
  if (params.get_attributes) lines.push(`  if command -v lsattr >/dev/null 2>&1; then printf '@A\\t'; lsattr -vd -- ${p} 2>/dev/null || echo; fi`);
  lines.push('fi');
  return lines.join('\n');
}

/** The `stat` dict as Ansible's format_output builds it. */
function statOutput(path: string, st: PresentState): Record<string, unknown> {
  return { exists: true, path, ...statInfo(st), blocks: st.blocks, block_size: st.blockSize, device_type: st.rdev };
}

async function runStat(ctx: ModuleContext, params: StatParams): Promise<ModuleResult> {
  const outcome = await runFileScript(ctx, statScript(params));
  if (outcome.failure !== undefined) return failed(outcome.failure);
  const own = outcome.report.paths.get('s');
  const path = expandedPath(outcome, params.path);
  if (own === undefined || !own.exists) return { changed: false, stat: { exists: false } };
  const followedState = params.follow && own.type === 'link' ? own.resolved : own;
  if (followedState === undefined || !followedState.exists) return { changed: false, stat: { exists: false } };
  const stat: Record<string, unknown> = statOutput(path, followedState);
  const access = outcome.records.get('@a')?.[0]?.[0] ?? '';
  stat['readable'] = access.includes('r');
  stat['writeable'] = access.includes('w');
  stat['executable'] = access.includes('x');
  if (own.type === 'link' && !params.follow) {
    stat['lnk_source'] = own.realPath ?? path;
    stat['lnk_target'] = own.linkTarget ?? '';
  }
  if (params.get_checksum && followedState.type === 'file' && stat['readable'] === true) {
    const digest = own.type === 'link' ? outcome.records.get('@C')?.[0]?.[0] : own.checksum?.digest;
    if (digest !== undefined && digest !== '') stat['checksum'] = digest;
  }
  if (params.get_mime) {
    stat['mimetype'] = 'unknown';
    stat['charset'] = 'unknown';
    const mime = outcome.records.get('@m')?.[0]?.[0];
    if (mime !== undefined && mime !== '') {
      const [type = '', charset = ''] = mime.split(';');
      stat['mimetype'] = type.trim();
      stat['charset'] = (charset.split('=')[1] ?? 'unknown').trim();
    }
  }
  if (params.get_attributes) {
    const line = outcome.records.get('@A')?.[0]?.[0];
    if (line !== undefined) {
      const [version = '', flags = ''] = line.trim().split(/\s+/);
      const attrFlags = flags.replace(/-/g, '');
      stat['version'] = version === '' ? null : version;
      stat['attr_flags'] = attrFlags;
      stat['attributes'] = fileAttributeNames(attrFlags);
    }
  }
  return { changed: false, stat };
}

export const statModule: Module<typeof statSpec> = {
  name: 'stat',
  spec: statSpec,
  supportsCheckMode: true,
  run: runStat,
};
