import type { Module, ModuleContext, ModuleResult } from '@tsible/engine';
import { shellQuote } from '@tsible/engine/connection/quote';
import { idsCall } from '../support/file-attrs/attrs-script.js';
import { parseIds, type FileDiff } from '../support/file-attrs/attrs-diff.js';
import { chattrCall, chattrFailure, flagsChange } from '../support/file-attrs/flags.js';
import { attributeRequest } from '../support/file-attrs/common-options.js';
import { ModeError } from '../support/file-attrs/mode.js';
import { parseTimeOption, TimeFormatError } from '../support/file-attrs/timestamps.js';
import { ABSENT, ansibleState, followed, type FileState } from '../support/file-state/file-state.js';
import { pathInfo } from '../support/file-state/path-info.js';
import { probeCall, STAT_FORMAT } from '../support/file-state/probe-script.js';
import { parseStatFields } from '../support/file-state/parse-probe.js';
import { basename, dirname, joinPath } from '../support/remote/paths.js';
import { failed, runFileScript, type ScriptOutcome } from '../support/remote/run-script.js';
import { remotePathWord } from '../support/remote-path.js';
import { expandCall, expandedPath } from '../support/remote/expand-path.js';
import type { FileJob, FileStep, TreeEntry } from './file-job.js';
import type { Timestamps } from './file-timestamps.js';
import type { AttributeRequest } from '../support/file-attrs/attrs-script.js';
import { fileSpec, type FileParams, type FileStateName } from './file-spec.js';
import { ensureAbsent, ensureDirectory, ensureFile, ensureHardlink, ensureSymlink, executeTouch } from './file-states.js';

const DIR_FUNCTIONS = `ts_mkdir() {
  [ -d "$1" ] && return 0
  ts_e=$(mkdir -- "$1" 2>&1) || ts_fail "There was an issue creating $1 as requested: $ts_e"
  ts_attrs "$1" "$2" "$3" "$4" 0
}
ts_tree() { find "$1" -mindepth 1 -exec stat -c ${shellQuote(`@t\t${STAT_FORMAT}\t%n`)} -- {} + 2>/dev/null; return 0; }`;

function probeBody(params: FileParams, path: string, wantTree: boolean): string {
  const word = remotePathWord(path);
  const lines = [expandCall(path), probeCall('p', word, { follow: true }), 'ts_umask'];
  const attrs = { mode: null, owner: params.owner, group: params.group };
  if (params.owner !== null || params.group !== null) lines.push(idsCall(attrs));
  const src = params.src;
  if (src !== null) {
    if (src.startsWith('/') || params.state === 'hard') lines.push(probeCall('abs', remotePathWord(src), { follow: true }));
    else {
      lines.push(probeCall('beside', remotePathWord(joinPath(dirname(path), src)), { follow: true }));
      lines.push(probeCall('in', remotePathWord(joinPath(path, src)), { follow: true }));
    }
  }
  if (wantTree) lines.push(`if [ -d ${word} ] && [ ! -L ${word} ]; then ts_tree ${word}; fi`);
  // Would the flags change? Only asked of a path that exists; a created one gets them when it is made.
  if (params.attributes !== null) lines.push(`if [ -e ${word} ]; then ${chattrCall(word, params.attributes, true)}; fi`);
  return lines.join('\n');
}

function treeOf(outcome: ScriptOutcome): TreeEntry[] {
  return (outcome.records.get('@t') ?? []).map((fields) => ({
    path: fields.slice(16).join('\t'),
    state: { exists: true as const, ...parseStatFields(fields.slice(0, 16)) },
  }));
}

/** Ansible's additional_parameter_handling: the state when none is given, and the rules between options. */
function effectiveState(params: FileParams, before: FileState): FileStateName | { error: string } {
  let state = params.state;
  if (state === null) {
    const prev = ansibleState(before);
    state = prev !== 'absent' ? prev : params.recurse ? 'directory' : 'file';
  }
  if (params.recurse && state !== 'directory') return { error: "recurse option requires state to be 'directory'" };
  if (params.src !== null && state !== 'link' && state !== 'hard') return { error: "src option requires state to be 'link' or 'hard'" };
  return state;
}

const HANDLERS: Record<FileStateName, (job: FileJob) => FileStep> = {
  file: ensureFile,
  directory: ensureDirectory,
  absent: ensureAbsent,
  touch: executeTouch,
  link: ensureSymlink,
  hard: ensureHardlink,
};

/** mode, owner, group and the timestamps, read for the given state; throws ModeError or TimeFormatError. */
function parseOptions(params: FileParams, state: FileStateName): { attrs: AttributeRequest; times: Timestamps } {
  return {
    attrs: attributeRequest(params),
    times: {
      mtime: parseTimeOption(params.modification_time, params.modification_time_format, state),
      atime: parseTimeOption(params.access_time, params.access_time_format, state),
    },
  };
}

function jobFor(params: FileParams, path: string, before: FileState, options: { attrs: AttributeRequest; times: Timestamps }, outcome: ScriptOutcome | null, checkMode: boolean): FileJob {
  return {
    params,
    path,
    pathWord: remotePathWord(path),
    before,
    ...options,
    umask: outcome?.report.umask ?? 0o022,
    ids: outcome === null ? {} : parseIds(outcome.records),
    flags: outcome === null ? undefined : flagsChange(outcome),
    checkMode,
    sources: outcome?.report.paths ?? new Map(),
    tree: outcome === null ? [] : treeOf(outcome),
  };
}

/**
 * For state=directory the first exec also creates the directory when it is
 * missing (marking it @m), so the usual first run costs one exec as well.
 */
function eagerCreate(params: FileParams, checkMode: boolean): string {
  if (checkMode || params.state !== 'directory') return ':';
  let options;
  try {
    options = parseOptions(params, 'directory');
  } catch {
    return ':';
  }
  const step = ensureDirectory(jobFor(params, params.path, ABSENT, options, null, checkMode));
  if (step.kind !== 'act') return ':';
  const word = remotePathWord(params.path);
  return [`if [ ! -e ${word} ] && [ ! -L ${word} ]; then`, `printf '@m\\n'`, ...step.commands, probeCall('after', step.infoWord, { follow: true }), 'fi'].join('\n');
}

/** A created path's flags, as chattr changed them, in the diff (an existing path's are there already). */
function withFlags(diff: FileDiff, outcome: ScriptOutcome): FileDiff {
  const flags = flagsChange(outcome);
  if (flags === undefined || 'attributes' in diff.before) return diff;
  return { before: { ...diff.before, attributes: flags.before }, after: { ...diff.after, attributes: flags.after } };
}

async function runFile(ctx: ModuleContext, params: FileParams): Promise<ModuleResult> {
  let path = params.path;
  const wantTree = params.recurse || params.state === 'absent' || params.state === 'link';
  let outcome = await runFileScript(ctx, `${probeBody(params, path, wantTree)}\n${eagerCreate(params, ctx.checkMode)}`, undefined, DIR_FUNCTIONS);
  if (outcome.failure !== undefined) return chattrFailure(outcome) ?? failed(outcome.failure, { path });
  let before = outcome.report.paths.get('p') ?? ABSENT;
  path = expandedPath(outcome, path);
  // A directory given for a file-like state means the file of the same name inside it.
  const basenameHint = params._original_basename ?? (params.src !== null ? basename(params.src) : null);
  const target = followed(before);
  if (params.state !== 'link' && params.state !== 'absent' && target.exists && target.type === 'directory' && basenameHint) {
    path = joinPath(path, basenameHint);
    outcome = await runFileScript(ctx, probeBody(params, path, wantTree), undefined, DIR_FUNCTIONS);
    if (outcome.failure !== undefined) return failed(outcome.failure, { path });
    before = outcome.report.paths.get('p') ?? ABSENT;
  }
  // Ansible's failures that name the path report its facts too.
  const failedAt = (msg: string, extra: ModuleResult = {}): ModuleResult => failed(msg, { path, ...extra, ...pathInfo(before) });
  const state = effectiveState(params, before);
  if (typeof state !== 'string') return failedAt(state.error);
  let options;
  try {
    options = parseOptions(params, state);
  } catch (err) {
    if (err instanceof ModeError) return failedAt('mode must be in octal or symbolic form', { details: err.message });
    if (!(err instanceof TimeFormatError)) throw err;
    const value = params.modification_time ?? params.access_time ?? '';
    return failed(`Error while obtaining timestamp for time ${value} using format ${params.modification_time_format}: ${err.message}`);
  }
  const job = jobFor(params, path, before, options, outcome, ctx.checkMode);
  const step = HANDLERS[state](job);
  if (step.kind === 'result') {
    const result = step.result;
    return result.failed === true && result['path'] === path ? { ...result, ...pathInfo(before) } : result;
  }
  if (outcome.records.has('@m')) return { ...step.result, ...pathInfo(outcome.report.paths.get('after') ?? ABSENT), changed: true, diff: withFlags(step.diff, outcome) };
  if (ctx.checkMode || !step.changed) {
    if (ctx.checkMode && step.checkModeResult !== undefined) return step.checkModeResult;
    const infoState = step.infoWord === job.pathWord ? before : followed(before);
    return { ...step.result, ...pathInfo(infoState), changed: step.changed, diff: step.diff };
  }
  const applied = await runFileScript(ctx, `${step.commands.join('\n')}\n${probeCall('after', step.infoWord, { follow: true })}`, undefined, DIR_FUNCTIONS);
  if (applied.failure !== undefined) {
    const refused = chattrFailure(applied);
    return refused === undefined ? failed(applied.failure, { path }) : { ...refused, path, ...pathInfo(before) };
  }
  const after = applied.report.paths.get('after') ?? ABSENT;
  return { ...step.result, ...pathInfo(after), changed: true, diff: withFlags(step.diff, applied) };
}

export const fileModule: Module<typeof fileSpec> = {
  name: 'file',
  spec: fileSpec,
  supportsCheckMode: true,
  run: runFile,
};
