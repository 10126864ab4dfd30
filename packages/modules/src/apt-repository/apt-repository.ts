import type { ArgumentSpec, Module, ModuleContext, ModuleResult, ParamsOf } from '@tsible/engine';
import { shellQuote } from '@tsible/engine/connection/quote';
import { failed, firstRecord, runFileScript } from '../support/remote/run-script.js';
import { writeContentCall } from '../support/remote/file-records.js';
import { parseModeOption, ModeError } from '../support/file-attrs/mode.js';
import { addSource, cloneFiles, dumpFiles, expandedPath, parseFile, parseLine, removeSource, suggestedFilename, type SourcesFiles } from './sources-list.js';
import { aptUpdateScript, updateFailure } from './apt-update.js';

/** Ansible 2.14's apt_repository options. */
export const aptRepositorySpec = {
  options: {
    repo: { type: 'str', required: true },
    state: { type: 'str', default: 'present', choices: ['absent', 'present'] },
    mode: { type: 'raw' },
    update_cache: { type: 'bool', default: true, aliases: ['update-cache'] },
    update_cache_retries: { type: 'int', default: 5 },
    update_cache_retry_max_delay: { type: 'int', default: 12 },
    filename: { type: 'str' },
    install_python_apt: { type: 'bool', default: true },
    validate_certs: { type: 'bool', default: true },
    codename: { type: 'str' },
  },
} as const satisfies ArgumentSpec;

export type AptRepositoryParams = ParamsOf<typeof aptRepositorySpec>;

/** The sources apt reads, where apt's configuration says they are. */
const PROBE = [
  `command -v apt-get >/dev/null 2>&1 || { printf '@unsupported\\n'; exit 0; }`,
  `command -v gpg >/dev/null 2>&1 || command -v apt-key >/dev/null 2>&1 || printf '@nogpg\\n'`,
  `ts_sl=/etc/apt/sources.list; ts_sp=/etc/apt/sources.list.d`,
  `eval "$(apt-config shell ts_sl Dir::Etc::sourcelist/f ts_sp Dir::Etc::sourceparts/d 2>/dev/null)"`,
  `ts_sp=\${ts_sp%/}; printf '@parts\\t%s\\n' "$ts_sp"`,
  `ts_src() { printf '@src\\t%s\\t%s\\n' "$1" "$(base64 < "$1" | tr -d '\\n')"; }`,
  `[ -f "$ts_sl" ] && ts_src "$ts_sl"`,
  `for ts_f in "$ts_sp"/*.list; do [ -f "$ts_f" ] && ts_src "$ts_f"; done`,
  'true',
].join('\n');

/** The text Ansible names in 'Invalid repository string': the line without its '#' and comment. */
function invalidText(repo: string): string {
  let line = repo.trim();
  if (line.startsWith('#')) line = line.slice(1);
  const hash = line.indexOf('#');
  return hash > 0 ? line.slice(0, hash) : line;
}

interface Plan {
  before: Map<string, string>;
  after: Map<string, string>;
  raw: Map<string, string>;
  appended: string | undefined;
}

function plan(p: AptRepositoryParams, raw: Map<string, string>, partsDir: string): Plan | string {
  const parsed = parseLine(p.repo);
  if (!parsed.valid || !parsed.enabled) return `Invalid repository string: ${invalidText(p.repo)}`;
  const files: SourcesFiles = new Map([...raw].map(([path, content]) => [path, parseFile(content)]));
  const before = dumpFiles(files);
  const edited = cloneFiles(files);
  let appended: string | undefined;
  if (p.state === 'present') appended = addSource(edited, parsed.source, expandedPath(suggestedFilename(parsed.source, p.filename), partsDir));
  else removeSource(edited, parsed.source);
  return { before, after: dumpFiles(edited), raw, appended };
}

function changedFiles(plan: Plan): boolean {
  const keys = new Set([...plan.before.keys(), ...plan.after.keys()]);
  return [...keys].some((k) => plan.before.get(k) !== plan.after.get(k));
}

function diffOf(plan: Plan): unknown[] {
  const keys = new Set([...plan.before.keys(), ...plan.after.keys()]);
  return [...keys].map((file) => ({
    before: plan.before.get(file) ?? '',
    after: plan.after.get(file) ?? '',
    before_header: plan.before.has(file) ? file : '/dev/null',
    after_header: plan.after.has(file) ? file : '/dev/null',
  }));
}

/** sh saving the new sources: Ansible rewrites every file in its normal form and deletes emptied ones. */
function saveScript(plan: Plan, modeWord: string): string[] {
  const steps: string[] = [];
  for (const [path, content] of plan.after) {
    if (plan.raw.get(path) === content && path !== plan.appended) continue;
    steps.push(`mkdir -p -- ${shellQuote(path.slice(0, path.lastIndexOf('/')) || '/')}`);
    steps.push(writeContentCall(shellQuote(path), content, path === plan.appended ? modeWord : "''"));
  }
  for (const path of plan.raw.keys()) if (!plan.after.has(path)) steps.push(`rm -f -- ${shellQuote(path)}`);
  return steps;
}

/** sh putting every file back as it was (the cache update failed). */
function revertScript(plan: Plan): string {
  const steps: string[] = [];
  for (const path of plan.after.keys()) if (!plan.raw.has(path)) steps.push(`rm -f -- ${shellQuote(path)}`);
  for (const [path, content] of plan.raw) if (plan.after.get(path) !== content) steps.push(writeContentCall(shellQuote(path), content));
  return `ts_revert() {\n${steps.join('\n')}\n:\n}`;
}

async function runAptRepository(ctx: ModuleContext, p: AptRepositoryParams): Promise<ModuleResult> {
  if (p.repo === '') return failed("Please set argument 'repo' to a non-empty value");
  if (p.repo.startsWith('ppa:')) return failed('ppa: repositories need Launchpad; add the repository line with its key through signed-by instead');
  let modeWord = "''";
  try {
    const mode = parseModeOption(p.mode);
    if (mode !== null) modeWord = shellQuote(mode.kind === 'octal' ? mode.mode.toString(8) : mode.expression);
  } catch (err) {
    if (err instanceof ModeError) return failed(err.message);
    throw err;
  }
  const probe = await runFileScript(ctx, PROBE);
  if (probe.failure !== undefined) return failed(probe.failure);
  if (probe.records.has('@unsupported')) return failed('Module apt_repository is not supported on target.');
  if (probe.records.has('@nogpg')) return failed('Either apt-key or gpg binary is required, but neither could be found');
  const raw = new Map((probe.records.get('@src') ?? []).map(([path = '', data = '']) => [path, Buffer.from(data, 'base64').toString('utf8')]));
  const planned = plan(p, raw, firstRecord(probe, '@parts')?.[0] ?? '/etc/apt/sources.list.d');
  if (typeof planned === 'string') return failed(planned);
  const changed = changedFiles(planned);
  const result: ModuleResult = { changed, repo: p.repo, state: p.state, diff: changed && ctx.diffMode ? diffOf(planned) : {} };
  if (!changed || ctx.checkMode) return result;
  const steps = [revertScript(planned), ...saveScript(planned, modeWord)];
  if (p.update_cache) steps.push(aptUpdateScript(p.update_cache_retries, p.update_cache_retry_max_delay, 'ts_revert'));
  const run = await runFileScript(ctx, steps.join('\n'));
  const update = updateFailure(run);
  if (update !== undefined) return failed(update);
  if (run.failure !== undefined) return failed(run.failure);
  return result;
}

export const aptRepositoryModule: Module<typeof aptRepositorySpec> = {
  name: 'apt_repository',
  spec: aptRepositorySpec,
  supportsCheckMode: true,
  run: runAptRepository,
};
