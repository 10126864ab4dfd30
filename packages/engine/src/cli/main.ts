import { Command, CommanderError } from 'commander';
import { isTsibleError, ExitCode } from '../errors/tsible-error.js';
import { defaultContext, type CliContext } from './context.js';
import { tsibleVersion } from './version.js';
import { registerCommands } from './commands/index.js';

/**
 * Parses argv and runs one command. Heavy parts (ssh2, the template engine, the runner)
 * are imported inside each command's action so `tsible --version` starts fast.
 */
export async function main(argv: string[], ctx: CliContext = defaultContext()): Promise<number> {
  const program = new Command('tsible');
  program
    .description('Agentless configuration management: runs Ansible inventories and playbooks over SSH.')
    .version(`tsible ${tsibleVersion()}`, '--version', 'show the version and exit')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
    });
  registerCommands(program, ctx);
  const verbose = argv.some((a) => /^-v{3,}$/.test(a) || a === '--verbose');
  try {
    await program.parseAsync(argv);
    return ctx.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.version' || err.code === 'commander.helpDisplayed' || err.code === 'commander.help') return 0;
      return ExitCode.badOptions;
    }
    if (isTsibleError(err)) {
      ctx.stderr.write(`ERROR! ${err.describe()}\n`);
      if (verbose && err.stack) ctx.stderr.write(`${err.stack}\n`);
      return err.exitCode;
    }
    const e = err instanceof Error ? err : new Error(String(err));
    ctx.stderr.write(`ERROR! Unexpected Exception: ${e.message}\n`);
    if (verbose && e.stack) ctx.stderr.write(`${e.stack}\n`);
    else ctx.stderr.write('to see the full traceback, use -vvv\n');
    return ExitCode.unexpected;
  }
}
