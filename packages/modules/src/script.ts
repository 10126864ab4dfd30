import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ArgumentSpec, Module, ModuleContext, ModuleResult, ParamsOf } from '@tsible/engine';
import { shellQuote } from '@tsible/engine/connection/quote';
import { splitLines } from '@tsible/engine/module-api/text-lines';
import { shlexSplit, ShlexError } from '@tsible/engine/text/shlex';
import { findControllerSource, notOnControllerMessage } from './support/controller/find-source.js';
import { failed } from './support/remote/run-script.js';
import { remotePathWord } from './support/remote-path.js';

/** Ansible 2.14's script options: a controller script (and its arguments) run on the target. */
export const scriptSpec = {
  options: {
    _raw_params: { type: 'str' },
    cmd: { type: 'str' },
    creates: { type: 'str' },
    removes: { type: 'str' },
    chdir: { type: 'str' },
    executable: { type: 'str' },
    decrypt: { type: 'bool', default: true },
  },
} as const satisfies ArgumentSpec;

export type ScriptParams = ParamsOf<typeof scriptSpec>;

const skipped = (msg: string): ModuleResult => ({ changed: false, skipped: true, msg });

/**
 * The target side, one exec: creates/removes checks, then the script arrives
 * on stdin into a private temp directory, runs, and is removed. A skip is
 * reported on stderr with a per-run nonce, so no script output can fake it.
 */
function remoteScript(params: ScriptParams, command: string, name: string, nonce: string, checkOnly: boolean): string {
  const lines: string[] = [];
  if (params.creates) lines.push(`if [ -e ${remotePathWord(params.creates)} ]; then printf '%s\\n' ${shellQuote(`@skip-creates-${nonce}`)} >&2; exit 0; fi`);
  if (params.removes) lines.push(`if [ ! -e ${remotePathWord(params.removes)} ]; then printf '%s\\n' ${shellQuote(`@skip-removes-${nonce}`)} >&2; exit 0; fi`);
  if (checkOnly) return [...lines, 'exit 0'].join('\n');
  lines.push(
    `ts_dir=$(mktemp -d "\${TMPDIR:-/tmp}/tsible-script.XXXXXXXX") || exit 1`,
    `ts_src="$ts_dir"/${shellQuote(name)}`,
    `cat > "$ts_src" && chmod 0700 "$ts_src" || { rm -rf -- "$ts_dir"; exit 1; }`,
  );
  if (params.chdir) lines.push(`cd ${remotePathWord(params.chdir)} || { rm -rf -- "$ts_dir"; exit 1; }`);
  // The command line after the script's name is the user's shell text, as in Ansible.
  lines.push(`${params.executable ? `${params.executable} ` : ''}${command}`, 'ts_rc=$?', 'rm -rf -- "$ts_dir"', 'exit $ts_rc');
  return lines.join('\n');
}

async function runScript(ctx: ModuleContext, params: ScriptParams): Promise<ModuleResult> {
  if (params.chdir && !params.chdir.startsWith('/')) return failed(`chdir ${params.chdir} must be an absolute path for a Unix-aware remote node`);
  const raw = (params.cmd ?? params._raw_params ?? '').trim();
  let parts: string[];
  try {
    parts = shlexSplit(raw, { comments: false });
  } catch (err) {
    if (err instanceof ShlexError) return failed(err.message);
    throw err;
  }
  const source = parts[0];
  if (source === undefined) return failed('script requires the path of a local script');
  const found = findControllerSource(ctx, source);
  if (found === null) return failed(notOnControllerMessage(source));
  const checkOnly = ctx.checkMode;
  // Ansible puts the temp copy's path wherever the script's name appears in the command line.
  const command = raw.split(source).join('"$ts_src"');
  const nonce = randomBytes(8).toString('hex');
  const run = await ctx.connection.run({
    script: remoteScript(params, command, basename(found), nonce, checkOnly),
    ...(checkOnly ? {} : { stdin: readFileSync(found) }),
    ...(ctx.become === undefined ? {} : { become: ctx.become }),
    ...(ctx.timeoutMs === undefined ? {} : { timeoutMs: ctx.timeoutMs }),
  });
  const stderr = run.stderr.toString('utf8');
  if (stderr === `@skip-creates-${nonce}\n`) return skipped(`${params.creates} exists, matching creates option`);
  if (stderr === `@skip-removes-${nonce}\n`) return skipped(`${params.removes} does not exist, matching removes option`);
  if (checkOnly) return params.creates || params.removes ? { changed: true } : skipped('Check mode is not supported for this task.');
  const stdout = run.stdout.toString('utf8');
  const result: ModuleResult = { changed: true, rc: run.rc, stdout, stdout_lines: splitLines(stdout), stderr, stderr_lines: splitLines(stderr) };
  // Ansible 2.14 attaches an empty traceback ("NoneType: None") to this failure.
  return run.rc === 0 ? result : { ...result, failed: true, msg: 'non-zero return code', exception: 'NoneType: None\n' };
}

export const scriptModule: Module<typeof scriptSpec> = {
  name: 'script',
  spec: scriptSpec,
  supportsCheckMode: true,
  freeForm: true,
  bareAction: true,
  run: runScript,
};
