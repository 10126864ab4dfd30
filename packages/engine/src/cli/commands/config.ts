import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { ExitCode, TsibleError } from '../../errors/tsible-error.js';
import type { CliContext } from '../context.js';
import type { DumpFormat } from '../../config/dump.js';

interface ConfigFlags {
  config?: string;
}

/** An explicit -c file must exist; it then takes $TSIBLE_CONFIG's place. */
async function environmentFor(ctx: CliContext, flags: ConfigFlags): Promise<NodeJS.ProcessEnv> {
  if (flags.config === undefined) return ctx.env;
  const path = resolve(ctx.cwd, flags.config);
  try {
    await readFile(path);
  } catch {
    throw new TsibleError(`The provided configuration file is missing or not accessible: ${path}`, {
      code: 'TSIBLE_CONFIG_FILE',
      exitCode: ExitCode.badOptions,
    });
  }
  return { ...ctx.env, TSIBLE_CONFIG: path };
}

async function load(ctx: CliContext, flags: ConfigFlags) {
  const { loadConfig } = await import('../../config/config.js');
  return loadConfig({ cwd: ctx.cwd, env: await environmentFor(ctx, flags), sink: ctx.sink(0) });
}

/** `tsible config dump|view|list`, shaped like ansible-config. */
export function registerConfigCommand(program: Command, ctx: CliContext): void {
  const config = program.command('config').description('show tsible configuration (like ansible-config)');

  config
    .command('dump')
    .description('show every setting with its value and where it came from')
    .option('--only-changed', 'only show settings that differ from the defaults')
    .addOption(new Option('--changed-only', 'same as --only-changed').hideHelp())
    .addOption(new Option('-f, --format <format>', 'output format').choices(['display', 'json', 'yaml']).default('display'))
    .option('-c, --config <path>', 'use this configuration file')
    .action(async (opts: ConfigFlags & { onlyChanged?: boolean; changedOnly?: boolean; format: DumpFormat }) => {
      const { formatDump } = await import('../../config/dump.js');
      const loaded = await load(ctx, opts);
      ctx.stdout.write(formatDump(loaded, opts.onlyChanged === true || opts.changedOnly === true, opts.format));
    });

  config
    .command('view')
    .description('print the configuration file in use')
    .option('-c, --config <path>', 'use this configuration file')
    .action(async (opts: ConfigFlags) => {
      const loaded = await load(ctx, opts);
      if (loaded.file === undefined) {
        throw new TsibleError('Invalid or no config file was supplied', { code: 'TSIBLE_CONFIG_FILE', exitCode: ExitCode.error });
      }
      ctx.stdout.write(await readFile(loaded.file, 'utf8'));
    });

  config
    .command('list')
    .description('list all settings: type, default, environment variables, ini keys, help (YAML)')
    .action(async () => {
      const { listSettings } = await import('../../config/dump.js');
      ctx.stdout.write(listSettings());
    });
}
