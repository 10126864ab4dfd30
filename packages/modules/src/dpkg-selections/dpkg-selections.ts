import type { ArgumentSpec, Module, ModuleContext, ModuleResult, ParamsOf } from '@tsible/engine';
import { shellQuote } from '@tsible/engine/connection/quote';

export const dpkgSelectionsSpec = {
  options: {
    name: { type: 'str', required: true },
    selection: { type: 'str', required: true, choices: ['install', 'hold', 'deinstall', 'purge'] },
  },
} as const satisfies ArgumentSpec;

export type DpkgSelectionsParams = ParamsOf<typeof dpkgSelectionsSpec>;

/**
 * Reads the package's selection and, when it differs and this is no check
 * run, sets it — one exec. Prints `rc`, then the old selection line.
 */
function selectionScript(p: DpkgSelectionsParams, checkMode: boolean): string {
  const name = shellQuote(p.name);
  const line = shellQuote(`${p.name} ${p.selection}`);
  return [
    // dpkg names an unknown package on stderr and still exits 0: an empty answer is "not present".
    `ts_out=$(dpkg --get-selections ${name}) || exit $?`,
    `ts_cur=$(printf '%s\\n' "$ts_out" | awk 'NR==1 {print $2}')`,
    `printf '%s\\n' "\${ts_cur:-not present}"`,
    checkMode ? ':' : `if [ "\${ts_cur:-not present}" != ${shellQuote(p.selection)} ]; then printf '%s' ${line} | dpkg --set-selections || exit $?; fi`,
  ].join('\n');
}

async function runDpkgSelections(ctx: ModuleContext, p: DpkgSelectionsParams): Promise<ModuleResult> {
  const run = await ctx.connection.run({
    script: `${selectionScript(p, ctx.checkMode)}\n`,
    ...(ctx.become === undefined ? {} : { become: ctx.become }),
    ...(ctx.timeoutMs === undefined ? {} : { timeoutMs: ctx.timeoutMs }),
  });
  const stdout = run.stdout.toString('utf8');
  const stderr = run.stderr.toString('utf8');
  if (run.rc !== 0) return { changed: false, failed: true, rc: run.rc, stdout, stderr, msg: stderr.trimEnd() };
  const before = stdout.split('\n')[0] ?? 'not present';
  return { changed: before !== p.selection, before, after: p.selection };
}

export const dpkgSelectionsModule: Module<typeof dpkgSelectionsSpec> = {
  name: 'dpkg_selections',
  spec: dpkgSelectionsSpec,
  supportsCheckMode: true,
  run: runDpkgSelections,
};
