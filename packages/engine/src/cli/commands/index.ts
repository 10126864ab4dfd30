import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { registerRunCommand } from './run.js';
import { registerConfigCommand } from './config.js';
import { registerInventoryCommand } from './inventory.js';
import { registerLabCommand } from './lab.js';
import { registerVaultCommand } from './vault.js';
import { registerPlaybookCommand } from './playbook.js';
import { registerRecipesCommand } from './recipes.js';

/** Each command lives in its own file and registers itself here. */
export function registerCommands(program: Command, ctx: CliContext): void {
  registerConfigCommand(program, ctx);
  registerRunCommand(program, ctx);
  registerInventoryCommand(program, ctx);
  registerLabCommand(program, ctx);
  registerVaultCommand(program, ctx);
  registerPlaybookCommand(program, ctx);
  registerRecipesCommand(program, ctx);
}
