import { loadInventory } from '../inventory/load.js';
import { inventoryOptionsFromConfig } from '../inventory/from-config.js';
import { selectTargets } from '../inventory/targets.js';
import { displayPlay } from '../playbook/listing/play-display.js';
import { formatListing } from '../playbook/listing/format-listing.js';
import { loadPlaybook } from '../playbook/load/playbook.js';
import { loadConfig } from '../config/config.js';
import { providedActions } from '../playbook/provided-actions.js';
import { tagSelection } from '../playbook/tag-selection.js';
import type { CliContext } from './context.js';
import type { PlaybookOptions } from './commands/playbook.js';
import { parseExtraVars } from './extra-vars.js';

/** --syntax-check and the --list-* modes: load every playbook, then print what ansible-playbook prints. */
export async function inspectPlaybooks(paths: readonly string[], options: PlaybookOptions, ctx: CliContext, actions?: ReadonlySet<string>): Promise<string> {
  const knownActions = actions ?? (await providedActions());
  const extraVars = parseExtraVars(options.extraVars, ctx.cwd);
  const sink = ctx.sink(options.verbose);
  const config = await loadConfig({ cwd: ctx.cwd, env: ctx.env, sink });
  const rolesPath = config.get('DEFAULT_ROLES_PATH');
  const hostsFor = options.listHosts && !options.syntaxCheck ? await hostSelector(options, ctx) : undefined;
  let out = '';
  for (const path of paths) {
    const playbook = loadPlaybook(path, { knownActions, rolesPath, extraVars, sink, cwd: ctx.cwd });
    if (options.syntaxCheck) {
      // Like ansible-playbook, the syntax check also resolves each play's hosts and name.
      for (const play of playbook.plays) displayPlay(play, extraVars);
      out += `\nplaybook: ${path}\n`;
      continue;
    }
    out += formatListing(path, playbook, {
      listTasks: options.listTasks === true,
      listTags: options.listTags === true,
      hostsFor,
      selection: tagSelection(options.tags, options.skipTags),
      extraVars,
    });
  }
  return out;
}

type HostSelector = (patterns: readonly string[]) => readonly string[];

async function hostSelector(options: PlaybookOptions, ctx: CliContext): Promise<HostSelector> {
  const sink = ctx.sink(options.verbose);
  const config = await loadConfig({ cwd: ctx.cwd, env: ctx.env, sink });
  const inventory = await loadInventory(inventoryOptionsFromConfig(config, { sources: options.inventory, cwd: ctx.cwd, sink }));
  return (patterns) => selectTargets(inventory, patterns, { limit: options.limit, sink }).map((host) => host.name);
}
