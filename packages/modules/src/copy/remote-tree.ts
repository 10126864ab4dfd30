import type { ModuleContext, ModuleResult } from '@tsible/engine';
import { shellQuote } from '@tsible/engine/connection/quote';
import { chmodWord, type AttributeRequest } from '../support/file-attrs/attrs-script.js';
import { ABSENT } from '../support/file-state/file-state.js';
import { pathInfo } from '../support/file-state/path-info.js';
import { probeCall } from '../support/file-state/probe-script.js';
import { basename, joinPath } from '../support/remote/paths.js';
import { failed, runFileScript } from '../support/remote/run-script.js';
import { remotePathWord } from '../support/remote-path.js';

export interface RemoteTreeRequest {
  src: string;
  dest: string;
  attrs: AttributeRequest;
  directoryMode: string;
}

/**
 * remote_src with a directory: the tree is copied on the target in one exec,
 * each file only when its checksum differs (atomically, keeping the source
 * file's mode unless `mode` is given), so a second run changes nothing.
 * `src/` copies what is inside, `src` the directory itself.
 */
export async function copyRemoteTree(ctx: ModuleContext, request: RemoteTreeRequest): Promise<ModuleResult> {
  const dest = request.src.endsWith('/') ? request.dest : joinPath(request.dest, basename(request.src));
  const dst = remotePathWord(dest);
  const mode = chmodWord(request.attrs.mode);
  const write = ctx.checkMode ? ':' : `ts_write "$ts_dst/$f" "\${ts_m:-$(stat -c %a -- "$f")}" ${shellQuote(request.attrs.owner ?? '')} ${shellQuote(request.attrs.group ?? '')} 0 "$f"`;
  const mkdir = ctx.checkMode ? ':' : `mkdir -p -- "$ts_dst/$d" || ts_fail "could not create $ts_dst/$d"; ${request.directoryMode === "''" ? ':' : `chmod ${request.directoryMode} "$ts_dst/$d"`}`;
  const body = [
    `ts_src=${remotePathWord(request.src)}; ts_dst=${dst}; ts_m=${mode}`,
    `[ -d "$ts_src" ] || ts_fail "Source $ts_src not found"`,
    `case $ts_dst in /*) ;; *) ts_dst="$(pwd)/$ts_dst" ;; esac`,
    `cd -- "$ts_src" || ts_fail "Source $ts_src not readable"`,
    `find . -mindepth 1 -type d | while IFS= read -r d; do [ -d "$ts_dst/$d" ] && continue; printf '@W\\n'; ${mkdir}; done`,
    `[ -d "$ts_dst" ] || { printf '@W\\n'; ${ctx.checkMode ? ':' : 'mkdir -p -- "$ts_dst"'}; }`,
    `find . -type f | while IFS= read -r f; do`,
    `  ts_digest sha1 "$f"; ts_new=$ts_d; ts_old=''; [ -f "$ts_dst/$f" ] && ts_digest sha1 "$ts_dst/$f" && ts_old=$ts_d`,
    `  [ "$ts_new" = "$ts_old" ] && continue`,
    `  printf '@W\\n'; ${write}`,
    'done',
    probeCall('a', dst),
  ].join('\n');
  const outcome = await runFileScript(ctx, body);
  if (outcome.failure !== undefined) return failed(outcome.failure, { dest: request.dest, src: request.src });
  return { changed: outcome.records.has('@W'), dest: request.dest, src: request.src, ...pathInfo(outcome.report.paths.get('a') ?? ABSENT) };
}
