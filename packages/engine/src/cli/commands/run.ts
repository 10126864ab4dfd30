import type { Command } from 'commander';
import { ExitCode } from '../../errors/tsible-error.js';
import type { CliContext } from '../context.js';
import { addRunOptions, type RunOptions } from '../adhoc/run-options.js';

/**
 * `tsible run PATTERN -m MODULE -a ARGS`: one module on many hosts, with
 * ansible's ad-hoc options, output and exit codes.
 */
export function registerRunCommand(program: Command, ctx: CliContext): void {
  const command = program
    .command('run')
    .description("Run a single module on a set of hosts, like 'ansible PATTERN -m MODULE -a ARGS'")
    .argument('<pattern>', 'host pattern');
  addRunOptions(command).action(async (pattern: string, options: RunOptions) => {
    // Ctrl-C ends the run the way ansible does: one line and exit code 99.
    const onInterrupt = (): void => {
      ctx.stderr.write('\nERROR! User interrupted execution\n');
      process.exit(ExitCode.interrupted);
    };
    process.once('SIGINT', onInterrupt);
    try {
      // Loaded on demand so `tsible --version` stays fast.
      const { runAdhocCommand } = await import('../adhoc/run-adhoc-command.js');
      ctx.exitCode = await runAdhocCommand(ctx, pattern, options);
    } finally {
      process.removeListener('SIGINT', onInterrupt);
    }
  });
}
