import type { ArgumentSpec, Module, ModuleContext, ModuleResult, ParamsOf } from '@tsible/engine';
import { shellQuote } from '@tsible/engine/connection/quote';
import { shlexSplit } from '@tsible/engine/text/shlex';
import { failed, firstRecord, runFileScript, type ScriptOutcome } from '../support/remote/run-script.js';
import { readLines, writeContentCall } from '../support/remote/file-records.js';
import { findProgram } from '../support/remote/find-program.js';
import { COMMAND_RECORD_FUNCTION, commandCall, recordedCommand } from '../support/remote/command-record.js';

/** community.general.modprobe's options. */
export const modprobeSpec = {
  options: {
    name: { type: 'str', required: true },
    state: { type: 'str', default: 'present', choices: ['absent', 'present'] },
    params: { type: 'str', default: '' },
    persistent: { type: 'str', default: 'disabled', choices: ['disabled', 'present', 'absent'] },
  },
} as const satisfies ArgumentSpec;

export type ModprobeParams = ParamsOf<typeof modprobeSpec>;

const LOAD_DIR = '/etc/modules-load.d';
const OPTIONS_DIR = '/etc/modprobe.d';

/** Configuration files of one directory, by path. */
type Files = Map<string, string>;

interface State {
  modprobe: string;
  loaded: boolean;
  loadFiles: Files | null;
  optionFiles: Files | null;
}

/**
 * sh: whether the module is loaded, as Ansible reads it: /proc/modules, then
 * the kernel's modules.builtin. A kernel without loadable modules has neither
 * file; there nothing is loaded (Ansible stops with an errno there).
 */
function loadedCheck(tag: string, name: string): string {
  const listed = shellQuote(`${name.replaceAll('-', '_')} `);
  const builtin = shellQuote(`/${name}.ko`);
  return [
    `ts_l=0; if [ -r /proc/modules ]; then while IFS= read -r ts_m; do case $ts_m in ${listed}*) ts_l=1 ;; esac; done < /proc/modules; fi`,
    `ts_b="/lib/modules/$(uname -r)/modules.builtin"`,
    `if [ "$ts_l" = 0 ] && [ -r "$ts_b" ]; then while IFS= read -r ts_m; do case $ts_m in *${builtin}) ts_l=1 ;; esac; done < "$ts_b"; fi`,
    `printf '@${tag}\\t%s\\n' "$ts_l"`,
  ].join('\n');
}

function dirFiles(tag: string, dir: string): string {
  return [
    `if [ -d ${dir} ]; then printf '@dir\\t${tag}\\n'; for ts_f in ${dir}/* ${dir}/.[!.]*; do`,
    `  [ -f "$ts_f" ] && printf '@cf\\t${tag}\\t%s\\t%s\\n' "$ts_f" "$(base64 < "$ts_f" | tr -d '\\n')"`,
    'done; fi',
  ].join('\n');
}

function probeScript(name: string): string {
  return [
    findProgram('ts_mp', 'modprobe'),
    `printf '@bin\\t%s\\n' "$ts_mp"`,
    loadedCheck('loaded', name),
    dirFiles('load', LOAD_DIR),
    dirFiles('options', OPTIONS_DIR),
  ].join('\n');
}

function filesOf(outcome: ScriptOutcome, tag: string): Files | null {
  if (!(outcome.records.get('@dir') ?? []).some((r) => r[0] === tag)) return null;
  const files: Files = new Map();
  for (const [t, path = '', data = ''] of outcome.records.get('@cf') ?? []) if (t === tag) files.set(path, Buffer.from(data, 'base64').toString('utf8'));
  return files;
}

/** The regular expressions Ansible matches lines with (the name is put in as is, as Ansible does). */
function patterns(name: string): { module: RegExp; option: RegExp } {
  return {
    module: new RegExp(`^ *${name} *(?:[#;].*)?\\n?$`),
    option: new RegExp(`^options ${name} (\\w+=\\S+) *(?:[#;].*)?\\n?$`),
  };
}

const someLine = (files: Files, pattern: RegExp): boolean => [...files.values()].some((c) => readLines(c).some((l) => pattern.test(l)));

function permanentParams(files: Files, option: RegExp): Set<string> {
  const found = new Set<string>();
  for (const content of files.values()) for (const line of readLines(content)) {
    const m = option.exec(line);
    if (m?.[1] !== undefined) found.add(m[1]);
  }
  return found;
}

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => a.size === b.size && [...a].every((x) => b.has(x));

/**
 * Files with matching lines commented out. Ansible writes the lines back
 * joined by a newline while each keeps its own, so every line gains a blank one.
 */
function commentedOut(files: Files, pattern: RegExp): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [path, content] of files) {
    const lines = readLines(content);
    if (!lines.some((l) => pattern.test(l))) continue;
    out.push([path, lines.map((l) => (pattern.test(l) ? `#${l}` : l)).join('\n')]);
  }
  return out;
}

/** The file writes for `persistent`, and whether they are a change. */
function persistence(p: ModprobeParams, s: State): { writes: Array<[string, string]>; changed: boolean } | string {
  if (p.persistent === 'disabled') return { writes: [], changed: false };
  if (s.loadFiles === null) return `[Errno 2] No such file or directory: '${LOAD_DIR}'`;
  const { module, option } = patterns(p.name);
  const persistently = someLine(s.loadFiles, module);
  // Ansible reads both directories on every persistent path.
  if (s.optionFiles === null) return `[Errno 2] No such file or directory: '${OPTIONS_DIR}'`;
  const optionFiles = s.optionFiles;
  const current = permanentParams(optionFiles, option);
  const wanted = new Set(p.params.split(/\s+/).filter((w) => w !== ''));
  const paramsSet = sameSet(wanted, current);
  const writes: Array<[string, string]> = [];
  if (p.persistent === 'present') {
    if (persistently && paramsSet) return { writes, changed: false };
    if (!persistently) writes.push([`${LOAD_DIR}/${p.name}.conf`, `${p.name}\n`]);
    if (!paramsSet) {
      writes.push(...commentedOut(optionFiles, option));
      const lines = [...wanted].map((w) => `options ${p.name} ${w}`);
      writes.push([`${OPTIONS_DIR}/${p.name}.conf`, `${lines.join('\n')}\n`]);
    }
    return { writes, changed: true };
  }
  if (!persistently && current.size === 0) return { writes, changed: false };
  if (persistently) writes.push(...commentedOut(s.loadFiles, module));
  if (current.size > 0) writes.push(...commentedOut(optionFiles, option));
  return { writes, changed: true };
}

async function runModprobe(ctx: ModuleContext, p: ModprobeParams): Promise<ModuleResult> {
  let extra: string[];
  try {
    extra = shlexSplit(p.params);
    patterns(p.name);
  } catch (err) {
    // An unbalanced quote in params, or a name that does not make the line patterns (Ansible stops with a traceback).
    return failed((err as Error).message);
  }
  const probe = await runFileScript(ctx, probeScript(p.name));
  if (probe.failure !== undefined) return failed(probe.failure);
  const state: State = {
    modprobe: firstRecord(probe, '@bin')?.[0] ?? 'modprobe',
    loaded: firstRecord(probe, '@loaded')?.[0] === '1',
    loadFiles: filesOf(probe, 'load'),
    optionFiles: filesOf(probe, 'options'),
  };
  const base = { name: p.name, params: p.params, state: p.state };
  const steps: string[] = [COMMAND_RECORD_FUNCTION];
  let load: 'load' | 'unload' | undefined;
  if (p.state === 'present' && !state.loaded) {
    load = 'load';
    steps.push(commandCall('load', [state.modprobe, ...(ctx.checkMode ? ['-n'] : []), p.name, ...extra]));
    if (!ctx.checkMode) {
      steps.push(loadedCheck('after', p.name));
      steps.push(`[ "$ts_l" = 1 ] || ${commandCall('first', [state.modprobe, '-n', '--first-time', p.name, ...extra], false)}`);
    }
  } else if (p.state === 'absent' && state.loaded) {
    load = 'unload';
    steps.push(commandCall('unload', [state.modprobe, '-r', p.name, ...(ctx.checkMode ? ['-n'] : [])]));
  }
  const persist = persistence(p, state);
  if (typeof persist === 'string') return failed(persist, { changed: false, ...base });
  if (!ctx.checkMode) for (const [path, content] of persist.writes) steps.push(writeContentCall(shellQuote(path), content));
  if (load === undefined && (persist.writes.length === 0 || ctx.checkMode)) return { changed: persist.changed, ...base };

  const run = await runFileScript(ctx, steps.join('\n'));
  const ran = recordedCommand(run, load ?? '');
  let changed = false;
  const warnings: string[] = [];
  if (ran !== undefined) {
    if (ran.rc !== 0) return failed(ran.stderr, { changed: false, ...base, rc: ran.rc, stdout: ran.stdout, stderr: ran.stderr });
    if (load === 'unload' || ctx.checkMode || firstRecord(run, '@after')?.[0] === '1') changed = true;
    const first = recordedCommand(run, 'first');
    if (first !== undefined && first.rc !== 0) warnings.push(first.stderr);
  }
  if (run.failure !== undefined) return failed(run.failure, { changed, ...base });
  const result: ModuleResult = { changed: changed || persist.changed, ...base };
  return warnings.length > 0 ? { ...result, warnings } : result;
}

export const modprobeModule: Module<typeof modprobeSpec> = {
  name: 'modprobe',
  spec: modprobeSpec,
  supportsCheckMode: true,
  run: runModprobe,
};
