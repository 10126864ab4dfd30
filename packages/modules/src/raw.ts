import type { ArgumentSpec, Module, ModuleResult, ParamsOf } from '@tsible/engine';
import { shellQuote } from '@tsible/engine/connection/quote';

export const rawSpec = {
  options: {
    _raw_params: { type: 'str', required: true },
    executable: { type: 'str' },
  },
} as const satisfies ArgumentSpec;

export type RawParams = ParamsOf<typeof rawSpec>;

/**
 * The bare command line handed to the target's shell: no wrapping, no
 * checks, output kept exactly as it came back.
 */
export const rawModule: Module<typeof rawSpec> = {
  name: 'raw',
  spec: rawSpec,
  supportsCheckMode: true,
  freeForm: true,
  textOutput: true,
  bareAction: true,
  async run(ctx, params: RawParams): Promise<ModuleResult> {
    // Ansible's raw action skips the whole task in check mode.
    if (ctx.checkMode) return { changed: false, skipped: true };
    const script = params.executable === null ? params._raw_params : `exec ${shellQuote(params.executable)} -c ${shellQuote(params._raw_params)}`;
    const run = await ctx.connection.run({
      script,
      ...(ctx.become === undefined ? {} : { become: ctx.become }),
      ...(ctx.timeoutMs === undefined ? {} : { timeoutMs: ctx.timeoutMs }),
    });
    const result: ModuleResult = { rc: run.rc, stdout: run.stdout.toString('utf8'), stderr: run.stderr.toString('utf8'), changed: true };
    return run.rc === 0 ? result : { ...result, failed: true, msg: 'non-zero return code' };
  },
};
