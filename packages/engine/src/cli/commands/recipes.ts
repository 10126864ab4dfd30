import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ExitCode, TsibleError } from '../../errors/tsible-error.js';
import type { CliContext } from '../context.js';

interface RecipesFlags {
  path?: string[];
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** --path directories when given; otherwise ./playbooks then the configured recipes_path. */
async function searchDirs(ctx: CliContext, flags: RecipesFlags): Promise<string[]> {
  if (flags.path !== undefined) return flags.path.map((p) => resolve(ctx.cwd, p));
  const { loadConfig } = await import('../../config/config.js');
  const config = await loadConfig({ cwd: ctx.cwd, env: ctx.env, sink: ctx.sink(0) });
  return [resolve(ctx.cwd, 'playbooks'), ...config.get('RECIPES_PATH')];
}

/** `tsible recipes [--path DIR]` and `tsible recipes show NAME`: day-2 playbooks and their inputs. */
export function registerRecipesCommand(program: Command, ctx: CliContext): void {
  const recipes = program
    .command('recipes')
    .description('list ready-made playbooks (./playbooks and recipes_path) with their description and required inputs')
    .option('--path <dir>', 'look in this directory instead (repeatable)', collect)
    .action(async (opts: RecipesFlags) => {
      const { discoverRecipes, formatRecipeList } = await import('../../recipes/index.js');
      ctx.stdout.write(formatRecipeList(await discoverRecipes(await searchDirs(ctx, opts))));
    });

  recipes
    .command('show')
    .description("print a recipe's full header: what it does, its inputs, examples")
    .argument('<name>', 'recipe name (file name without .yml)')
    .option('--path <dir>', 'look in this directory instead (repeatable)', collect)
    .action(async (name: string, opts: RecipesFlags) => {
      const { discoverRecipes, formatRecipe } = await import('../../recipes/index.js');
      const merged = { ...recipes.opts<RecipesFlags>(), ...opts };
      const dirs = await searchDirs(ctx, merged);
      const found = (await discoverRecipes(dirs)).find((r) => r.name === name);
      if (found === undefined) {
        throw new TsibleError(`no recipe named "${name}" in ${dirs.join(', ')}`, {
          code: 'TSIBLE_RECIPE_NOT_FOUND',
          exitCode: ExitCode.error,
          hint: '"tsible recipes" lists the recipes there are',
        });
      }
      ctx.stdout.write(formatRecipe(found));
    });
}
