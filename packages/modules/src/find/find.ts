import type { Module, ModuleContext, ModuleResult } from '@tsible/engine';
import { shellQuote } from '@tsible/engine/connection/quote';
import type { PresentState } from '../support/file-state/file-state.js';
import { parseStatFields } from '../support/file-state/parse-probe.js';
import { STAT_FORMAT } from '../support/file-state/probe-script.js';
import { failed, runFileScript } from '../support/remote/run-script.js';
import { remotePathWord } from '../support/remote-path.js';
import { statInfo } from '../support/file-state/stat-info.js';
import { ageFilter, FindArgumentError, nameFilter, sizeFilter, toExtendedRegex, typeFilter } from './find-filters.js';
import { findSpec, type FindParams } from './find-spec.js';

interface Entry {
  root: string;
  path: string;
  /** 1 for entries directly in the searched path. */
  depth: number;
  state: PresentState;
}

/** find's listing depth: one level more than kept, because Ansible counts that level as examined. */
function maxDepth(params: FindParams): number | null {
  if (!params.recurse) return 1;
  return params.depth !== null && params.depth > 0 ? params.depth + 1 : null;
}

function listScript(params: FindParams): string {
  const depth = maxDepth(params);
  return params.paths
    .map((path, index) => {
      const word = remotePathWord(path);
      const listing = `find ${params.follow ? '-L ' : ''}${word} -mindepth 1 ${depth === null ? '' : `-maxdepth ${depth} `}-exec stat -c ${shellQuote(`@t\t${index}\t${STAT_FORMAT}\t%n`)} -- {} + 2>/dev/null`;
      return `if [ -d ${word} ]; then ${listing}; else printf '@s\\t%s\\n' ${shellQuote(String(index))}; fi`;
    })
    .join('\n');
}

function entriesOf(records: ReadonlyMap<string, string[][]>, params: FindParams): Entry[] {
  return (records.get('@t') ?? []).map((fields) => {
    const root = params.paths[Number(fields[0])] ?? '';
    const path = fields.slice(17).join('\t');
    const relative = path.slice(root.replace(/\/+$/, '').length + 1);
    return { root, path: path.replace(/\/{2,}/g, '/'), depth: relative.split('/').length, state: { exists: true as const, ...parseStatFields(fields.slice(1, 17)) } };
  });
}

/** Second exec, only when needed: which files contain the text, and their checksums. */
async function inspectFiles(ctx: ModuleContext, files: readonly Entry[], params: FindParams): Promise<{ containing: Set<string>; checksums: Map<string, string> } | string> {
  const lines: string[] = [];
  const pattern = params.contains === null ? null : params.read_whole_file ? toExtendedRegex(params.contains) : `^(${toExtendedRegex(params.contains)})`;
  for (const file of files) {
    const word = shellQuote(file.path);
    if (pattern !== null) lines.push(`grep -E -q -- ${shellQuote(pattern)} ${word} 2>/dev/null && printf '@g\\t%s\\n' ${word}`);
    if (params.get_checksum) lines.push(`ts_digest sha1 ${word}; printf '@k\\t%s\\t%s\\n' "$ts_d" ${word}`);
  }
  lines.push(':');
  const outcome = await runFileScript(ctx, lines.join('\n'));
  if (outcome.failure !== undefined) return outcome.failure;
  const containing = new Set((outcome.records.get('@g') ?? []).map((fields) => fields.join('\t')));
  const checksums = new Map((outcome.records.get('@k') ?? []).map((fields): [string, string] => [fields.slice(1).join('\t'), fields[0] ?? '']));
  return { containing, checksums };
}

async function runFind(ctx: ModuleContext, params: FindParams): Promise<ModuleResult> {
  let age: (st: PresentState) => boolean;
  let size: (st: PresentState) => boolean;
  try {
    age = ageFilter(params.age, params.age_stamp, Date.now() / 1000);
    size = sizeFilter(params.size);
  } catch (err) {
    if (err instanceof FindArgumentError) return failed(err.message, { [err.option]: params[err.option] });
    throw err;
  }
  const outcome = await runFileScript(ctx, listScript(params));
  if (outcome.failure !== undefined) return failed(outcome.failure);
  const entries = entriesOf(outcome.records, params);
  const names = nameFilter(params.patterns, params.excludes ?? [], params.use_regex);
  const ofType = typeFilter(params.file_type);
  const keepDepth = params.recurse && params.depth !== null && params.depth > 0 ? params.depth : Infinity;
  const matches = entries.filter((entry) => {
    const name = entry.path.slice(entry.path.lastIndexOf('/') + 1);
    if (entry.depth > keepDepth || (name.startsWith('.') && !params.hidden)) return false;
    if (!ofType(entry.state) || !names(name) || !age(entry.state)) return false;
    return entry.state.type !== 'file' || size(entry.state);
  });
  const regular = matches.filter((entry) => entry.state.type === 'file');
  let inspected: { containing: Set<string>; checksums: Map<string, string> } | null = null;
  if (regular.length > 0 && (params.get_checksum || (params.contains !== null && params.file_type === 'file'))) {
    const result = await inspectFiles(ctx, regular, params);
    if (typeof result === 'string') return failed(result);
    inspected = result;
  }
  const files = matches
    .filter((entry) => params.contains === null || params.file_type !== 'file' || inspected?.containing.has(entry.path) === true)
    .map((entry) => {
      const checksum = params.get_checksum && entry.state.type === 'file' ? inspected?.checksums.get(entry.path) : undefined;
      return { path: entry.path, ...statInfo(entry.state), ...(checksum === undefined ? {} : { checksum }) };
    });
  const skipped: Record<string, string> = {};
  const warnings: string[] = [];
  for (const [index = ''] of outcome.records.get('@s') ?? []) {
    const path = params.paths[Number(index)] ?? '';
    skipped[path] = `'${path}' is not a directory`;
    warnings.push(`Skipped '${path}' path due to this access issue: '${path}' is not a directory\n`);
  }
  const msg = warnings.length > 0 ? 'Not all paths examined, check warnings for details' : 'All paths examined';
  return { files, changed: false, msg, matched: files.length, examined: entries.filter((e) => e.depth <= keepDepth + 1).length, skipped_paths: skipped, ...(warnings.length > 0 ? { warnings } : {}) };
}

export const findModule: Module<typeof findSpec> = {
  name: 'find',
  spec: findSpec,
  supportsCheckMode: true,
  run: runFind,
};
