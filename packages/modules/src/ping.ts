import type { ArgumentSpec, Module, ModuleResult, ParamsOf } from '@tsible/engine';

export const pingSpec = {
  options: {
    data: { type: 'str', default: 'pong' },
  },
} as const satisfies ArgumentSpec;

export type PingParams = ParamsOf<typeof pingSpec>;

const PONG = 'tsible-ping';

/**
 * A round trip that proves the target's shell runs commands; unlike Ansible's
 * ping it needs no Python there, so no `discovered_interpreter_python` fact.
 */
export const pingModule: Module<typeof pingSpec> = {
  name: 'ping',
  spec: pingSpec,
  supportsCheckMode: true,
  async run(ctx, params: PingParams): Promise<ModuleResult> {
    const run = await ctx.connection.run({
      script: `printf '%s\\n' ${PONG}\n`,
      ...(ctx.become === undefined ? {} : { become: ctx.become }),
      ...(ctx.timeoutMs === undefined ? {} : { timeoutMs: ctx.timeoutMs }),
    });
    const stdout = run.stdout.toString('utf8');
    const stderr = run.stderr.toString('utf8');
    if (run.rc !== 0 || stdout.trim() !== PONG) {
      return { changed: false, failed: true, rc: run.rc, module_stdout: stdout, module_stderr: stderr, msg: 'MODULE FAILURE\nSee stdout/stderr for the exact error' };
    }
    // Ansible's ping raises on purpose for data=crash; tests rely on that failure.
    if (params.data === 'crash') {
      return {
        changed: false,
        failed: true,
        rc: 1,
        module_stdout: '',
        module_stderr: 'Exception: boom\n',
        exception: 'Exception: boom\n',
        msg: 'MODULE FAILURE\nSee stdout/stderr for the exact error',
      };
    }
    return { changed: false, ping: params.data };
  },
};
