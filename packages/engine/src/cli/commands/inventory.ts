import { Command, Option } from 'commander';
import type { CliContext } from '../context.js';
import { addVaultPasswordOptions, type VaultPasswordOptions } from './vault/options.js';
import { countVerbosity } from '../context.js';

interface InventoryFlags extends VaultPasswordOptions {
  inventory?: string[];
  list?: boolean;
  host?: string;
  graph?: boolean;
  yaml?: boolean;
  toml?: boolean;
  vars?: boolean;
  export?: boolean;
  output?: string;
  playbookDir?: string;
  limit?: string;
  verbose: number;
  vaultPassFile?: string[];
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** `tsible inventory`: shows an inventory exactly as ansible-inventory does. */
export function registerInventoryCommand(program: Command, ctx: CliContext): void {
  const command = program
    .command('inventory')
    .description('Show inventory information (same output as ansible-inventory)')
    .argument('[group]', 'with --graph: the group to start from')
    .option('-i, --inventory <source>', 'inventory file, directory, script or comma-separated host list (repeatable)', collect)
    .addOption(new Option('--inventory-file <source>').hideHelp().argParser(collect))
    .option('--list', 'output all hosts info, works as inventory script')
    .option('--host <host>', 'output specific host info, works as inventory script')
    .option('--graph', 'create inventory graph, if supplying pattern it must be a valid group name')
    .option('-y, --yaml', 'use YAML format instead of default JSON, ignored for --graph')
    .addOption(new Option('--toml').hideHelp())
    .option('--vars', 'add vars to graph display, ignored unless used with --graph')
    .option('--export', 'when doing --list, represent in a way that is optimized for export')
    .option('--output <file>', 'when doing --list, send the inventory to a file instead of to the screen')
    .option('--playbook-dir <dir>', 'use this as the playbook directory (for its group_vars/ and host_vars/)')
    .option('-l, --limit <pattern>', 'further limit the shown hosts with a pattern')
    .option('-v, --verbose', 'more output (-vvv shows stack traces)', countVerbosity, 0);
  addVaultPasswordOptions(command).action(async (group: string | undefined, flags: InventoryFlags & { inventoryFile?: string[] }) => {
      const { runInventoryCommand } = await import('./inventory-run.js');
      ctx.exitCode = await runInventoryCommand(ctx, { ...flags, inventory: [...(flags.inventory ?? []), ...(flags.inventoryFile ?? [])] }, group);
    });
}

export type { InventoryFlags };
