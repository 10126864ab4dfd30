import type { ModuleContext, ModuleResult } from '@tsible/engine';
import { shellQuote } from '@tsible/engine/connection/quote';
import { md5, sha1 } from '../support/controller/digest.js';
import { attributeChanges, initialDiff, parseIds } from '../support/file-attrs/attrs-diff.js';
import { ABSENT, followed } from '../support/file-state/file-state.js';
import { pathInfo } from '../support/file-state/path-info.js';
import { dirname, joinPath } from '../support/remote/paths.js';
import { failed, firstRecord, runFileScript, type ScriptOutcome } from '../support/remote/run-script.js';
import { copyScript, type ContentSource, type CopyTarget } from './copy-script.js';
import { chattrFailure, flagsChange } from '../support/file-attrs/flags.js';

/** Above this size content is uploaded over the connection's file transfer instead of the exec's stdin. */
export const STDIN_LIMIT_BYTES = 4 * 1024 * 1024;

export interface CopyFileRequest extends CopyTarget {
  /** Local content, or null for a remote source. */
  content: Buffer | null;
  remoteSource?: string;
  /** What the result's `src` says. */
  srcLabel: string;
  /** Label of the new content in a diff. */
  afterHeader: string;
  /** The `checksum` option: the sha1 the content must have. */
  expectedChecksum: string | null;
}

/** Copies one file's content to the target, in one exec unless it is large. */
export async function copyFile(ctx: ModuleContext, request: CopyFileRequest): Promise<ModuleResult> {
  const checksum = request.content === null ? '' : sha1(request.content);
  if (request.expectedChecksum !== null && request.content !== null && checksum !== request.expectedChecksum) {
    return failed('Copied file does not match the expected checksum. Transfer failed.', { checksum, expected_checksum: request.expectedChecksum });
  }
  const base = { dest: request.dest, nameInDirectory: request.nameInDirectory, attrs: request.attrs, attributes: request.attributes, backup: request.backup, force: request.force, follow: request.follow, validate: request.validate, makeParents: request.makeParents, wantBefore: ctx.diffMode };
  const largeUpload = request.content !== null && request.content.length > STDIN_LIMIT_BYTES;
  let source: ContentSource;
  if (request.remoteSource !== undefined) source = ctx.checkMode ? { kind: 'none', sha1: '' } : { kind: 'remote', pathWord: shellQuote(request.remoteSource) };
  else source = ctx.checkMode || largeUpload ? { kind: 'none', sha1: checksum } : { kind: 'stdin', sha1: checksum };
  let outcome = await runFileScript(ctx, copyScript({ ...base, source }), source.kind === 'stdin' && request.content !== null ? request.content : undefined);
  if (largeUpload && !ctx.checkMode && outcome.failure === undefined && outcome.records.has('@N') && request.content !== null) {
    const finalDest = firstRecord(outcome, '@D')?.[0] ?? request.dest;
    const staged = joinPath(dirname(finalDest), `.tsible_stage.${process.pid}.${Date.now()}`);
    await ctx.connection.put(request.content, staged, { mode: 0o600 });
    outcome = await runFileScript(ctx, copyScript({ ...base, source: { kind: 'staged', sha1: checksum, pathWord: shellQuote(staged) } }));
    if (outcome.failure !== undefined) await runFileScript(ctx, `rm -f -- ${shellQuote(staged)}`);
  }
  return copyResult(ctx, request, outcome, checksum);
}

function copyResult(ctx: ModuleContext, request: CopyFileRequest, outcome: ScriptOutcome, localChecksum: string): ModuleResult {
  const dest = firstRecord(outcome, '@D')?.[0] ?? request.dest;
  const remote = request.remoteSource !== undefined;
  const checksum = remote ? (firstRecord(outcome, '@S')?.[0] ?? '') : localChecksum;
  if (outcome.failure !== undefined) {
    const refused = chattrFailure(outcome);
    if (refused !== undefined) return { ...refused, path: dest, ...pathInfo(outcome.report.paths.get('d') ?? ABSENT) };
    const validateRc = firstRecord(outcome, '@v')?.[0];
    if (validateRc !== undefined) {
      const output = outcome.run.stderr.toString('utf8');
      return failed('failed to validate', { checksum, diff: [], exit_status: Number(validateRc), stdout: '', stderr: output });
    }
    return remote ? failed(outcome.failure, { dest }) : failed(outcome.failure, { checksum, diff: [] });
  }
  const before = outcome.report.paths.get('d') ?? ABSENT;
  const after = outcome.report.paths.get('a') ?? before;
  if (outcome.records.has('@K')) return { changed: false, dest, src: request.srcLabel };
  const contentChanges = outcome.records.has('@W') || outcome.records.has('@N');
  const md5sum = remote ? (firstRecord(outcome, '@M')?.[0] ?? null) : request.content === null ? null : md5(request.content);
  // chattr flags that differ make the task changed (copy reports no diff for them, as Ansible).
  const flagsChanged = flagsChange(outcome) !== undefined;
  if (contentChanges) {
    const diff = ctx.diffMode ? [contentDiff(outcome, dest, request)] : [];
    if (ctx.checkMode) return { changed: true, ...(remote ? {} : { diff }) };
    const backup = firstRecord(outcome, '@b')?.[0];
    return {
      changed: true,
      dest,
      src: remote ? request.srcLabel : (firstRecord(outcome, '@T')?.[0] ?? request.srcLabel),
      md5sum,
      checksum,
      ...(remote ? {} : { diff }),
      ...(backup === undefined ? {} : { backup_file: backup }),
      ...pathInfo(after),
    };
  }
  // Same content: only attributes can change, reported the way the file module reports them.
  const diff = initialDiff(dest, 'file', 'file');
  const current = followed(before);
  const changed = (current.exists ? attributeChanges(current, request.attrs, outcome.report.umask ?? 0o022, parseIds(outcome.records), diff) : false) || flagsChanged;
  if (remote) return { changed, dest, src: request.srcLabel, md5sum, checksum, ...pathInfo(ctx.checkMode ? before : after) };
  return { changed, checksum, dest, path: dest, diff, ...pathInfo(ctx.checkMode ? before : after) };
}

function contentDiff(outcome: ScriptOutcome, dest: string, request: CopyFileRequest): Record<string, unknown> {
  const old = firstRecord(outcome, '@B')?.[0];
  // Ansible names the old side only when the destination exists.
  const existed = (outcome.report.paths.get('d') ?? ABSENT).exists;
  return {
    before: old === undefined ? '' : Buffer.from(old, 'base64').toString('utf8'),
    after: request.content?.toString('utf8') ?? '',
    ...(existed ? { before_header: dest } : {}),
    after_header: request.afterHeader,
  };
}
