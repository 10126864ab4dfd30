import type { Module, ModuleContext, ModuleResult } from '@tsible/engine';
import { ABSENT } from '../support/file-state/file-state.js';
import { pathInfo } from '../support/file-state/path-info.js';
import { failed, firstRecord, runFileScript } from '../support/remote/run-script.js';
import { editAttributes, isAttributeRequest } from '../edit/edit-flow.js';
import { archiveScript } from './archive-script.js';
import { archiveSpec, type ArchiveParams } from './archive-spec.js';

async function runArchive(ctx: ModuleContext, params: ArchiveParams): Promise<ModuleResult> {
  const attrs = editAttributes(params);
  if (!isAttributeRequest(attrs)) return attrs;
  const outcome = await runFileScript(ctx, archiveScript({
    paths: params.path,
    excludes: [...params.exclude_path, ...(params.exclusion_patterns ?? [])],
    dest: params.dest,
    format: params.format,
    forceArchive: params.force_archive,
    remove: params.remove,
    attrs,
    checkMode: ctx.checkMode,
  }));
  const expanded = (outcome.records.get('@e') ?? []).map(([path = '']) => path);
  const missing = (outcome.records.get('@m') ?? []).map(([path = '']) => path);
  const dest = firstRecord(outcome, '@D')?.[0] ?? params.dest ?? '';
  if (outcome.failure !== undefined) return failed(outcome.failure, { dest, expanded_paths: expanded, missing });
  const kind = firstRecord(outcome, '@k')?.[0] ?? 'archive';
  const after = outcome.report.paths.get('a') ?? ABSENT;
  // Check mode builds nothing: a dest that does not exist stays `absent`, as Ansible reports it.
  const state = ctx.checkMode && !after.exists ? 'absent' : missing.length > 0 ? 'incomplete' : kind;
  return {
    changed: outcome.records.has('@W') || outcome.records.has('@R'),
    dest,
    dest_state: state,
    archived: (outcome.records.get('@Y') ?? []).map(([path = '']) => path),
    missing,
    expanded_paths: expanded,
    expanded_exclude_paths: params.exclude_path,
    arcroot: firstRecord(outcome, '@A')?.[0] ?? '',
    // As Ansible's add_path_info, dest's facts come last: `state` names dest's type (none when dest is absent).
    ...pathInfo(after),
  };
}

export const archiveModule: Module<typeof archiveSpec> = {
  name: 'archive',
  spec: archiveSpec,
  supportsCheckMode: true,
  run: runArchive,
};
