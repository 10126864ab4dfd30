import { readFileSync } from 'node:fs';
import type { Module, ModuleContext, ModuleResult } from '@tsible/engine';
import { ABSENT } from '../support/file-state/file-state.js';
import { pathInfo } from '../support/file-state/path-info.js';
import { findControllerSource, notOnControllerMessage } from '../support/controller/find-source.js';
import { failed, firstRecord, runFileScript } from '../support/remote/run-script.js';
import { remotePathWord } from '../support/remote-path.js';
import { editAttributes, isAttributeRequest } from '../edit/edit-flow.js';
import { ATTRS_CHANGED_FUNCTION, unarchiveScript } from './unarchive-script.js';
import { unarchiveSpec, type UnarchiveParams } from './unarchive-spec.js';

async function runUnarchive(ctx: ModuleContext, params: UnarchiveParams): Promise<ModuleResult> {
  const attrs = editAttributes(params);
  if (!isAttributeRequest(attrs)) return attrs;
  const remoteSrc = params.remote_src || params.copy === false;
  if (remoteSrc && params.src.includes('://')) return failed('unarchive of a URL source needs it downloaded first (get_url); not supported here');
  let archive: Buffer | undefined;
  if (!remoteSrc) {
    const found = findControllerSource(ctx, params.src);
    if (found === null) return failed(notOnControllerMessage(params.src));
    archive = readFileSync(found);
  }
  if (params.creates !== null) {
    // Ansible checks `creates` before anything is copied.
    const probe = await runFileScript(ctx, `if [ -e ${remotePathWord(params.creates)} ]; then printf '@E\\n'; fi`);
    if (probe.records.has('@E')) return { changed: false, skipped: true, msg: `skipped, since ${params.creates} exists` };
  }
  const body = unarchiveScript({
    remoteSource: remoteSrc ? params.src : null,
    dest: params.dest,
    include: params.include,
    exclude: params.exclude,
    extraOpts: params.extra_opts,
    keepNewer: params.keep_newer,
    attrs,
    checkMode: ctx.checkMode,
  });
  const outcome = await runFileScript(ctx, `${ATTRS_CHANGED_FUNCTION}\n${body}`, archive);
  const handler = firstRecord(outcome, '@H')?.[0];
  const base = { dest: params.dest, src: params.src, ...(handler === undefined ? {} : { handler }) };
  if (outcome.failure !== undefined) return failed(outcome.failure, base);
  const differing = (outcome.records.get('@d') ?? []).length;
  const attributesChanged = (outcome.records.get('@a') ?? []).length > 0;
  const files = (outcome.records.get('@F') ?? []).map(([name = '']) => name);
  const result: ModuleResult = {
    ...base,
    changed: differing > 0 || attributesChanged,
    ...pathInfo(outcome.report.paths.get('a') ?? ABSENT),
    ...(params.list_files ? { files } : {}),
  };
  return result;
}

export const unarchiveModule: Module<typeof unarchiveSpec> = {
  name: 'unarchive',
  spec: unarchiveSpec,
  supportsCheckMode: true,
  run: runUnarchive,
};
