import { randomBytes } from 'node:crypto';
import type { ArgumentSpec, Module, ModuleContext, ModuleResult, ParamsOf } from '@tsible/engine';
import { shellQuote } from '@tsible/engine/connection/quote';
import { pathInfo } from '../support/file-state/path-info.js';
import { probeCall } from '../support/file-state/probe-script.js';
import { failed, firstRecord, runFileScript } from '../support/remote/run-script.js';
import { remotePathWord } from '../support/remote-path.js';

/** Ansible 2.14's tempfile module options. */
export const tempfileSpec = {
  options: {
    state: { type: 'str', default: 'file', choices: ['file', 'directory'] },
    path: { type: 'path' },
    prefix: { type: 'str', default: 'ansible.' },
    suffix: { type: 'str', default: '' },
  },
} as const satisfies ArgumentSpec;

export type TempfileParams = ParamsOf<typeof tempfileSpec>;

const NAME_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789_';
const ATTEMPTS = 5;

/** Eight random characters, as Python's tempfile names are made. */
function randomPart(): string {
  return Array.from(randomBytes(8), (byte) => NAME_CHARS[byte % NAME_CHARS.length]).join('');
}

/**
 * Creates the file exclusively (noclobber, mode 0600) or the directory
 * (mode 0700) under path or $TMPDIR, trying a few names: busybox's mktemp
 * has no suffix, so the names are made here.
 */
function tempfileScript(params: TempfileParams): string {
  const dir = params.path === null ? '"${TMPDIR:-/tmp}"' : remotePathWord(params.path);
  const names = Array.from({ length: ATTEMPTS }, () => shellQuote(`${params.prefix}${randomPart()}${params.suffix}`));
  const create = params.state === 'directory' ? `mkdir -m 700 -- "$ts_p" 2>/dev/null` : `( umask 077; set -C; : > "$ts_p" ) 2>/dev/null`;
  return [
    `ts_d=${dir}`,
    `[ -d "$ts_d" ] || ts_fail "[Errno 2] No such file or directory: '$ts_d'"`,
    "ts_ok=''",
    `for ts_n in ${names.join(' ')}; do`,
    `  ts_p="\${ts_d%/}/$ts_n"`,
    `  if ${create}; then ts_ok=1; printf '@P\\t%s\\n' "$ts_p"; ${probeCall('t', '"$ts_p"')}; break; fi`,
    'done',
    `[ -n "$ts_ok" ] || ts_fail "could not create a temporary ${params.state} in $ts_d"`,
  ].join('\n');
}

async function runTempfile(ctx: ModuleContext, params: TempfileParams): Promise<ModuleResult> {
  const outcome = await runFileScript(ctx, tempfileScript(params));
  if (outcome.failure !== undefined) return failed(outcome.failure);
  const path = firstRecord(outcome, '@P')?.[0];
  const state = outcome.report.paths.get('t');
  if (path === undefined || state === undefined) return failed(`could not create a temporary ${params.state}`);
  return { changed: true, path, ...pathInfo(state) };
}

export const tempfileModule: Module<typeof tempfileSpec> = {
  name: 'tempfile',
  spec: tempfileSpec,
  supportsCheckMode: false,
  run: runTempfile,
};
