import { dirname, resolve } from 'node:path';
import { loadConfig, type Config } from '../config/config.js';
import { inventoryOptionsFromConfig } from '../inventory/from-config.js';
import type { Inventory } from '../inventory/inventory.js';
import { loadInventory } from '../inventory/load.js';
import { selectTargets } from '../inventory/targets.js';
import { displayPlay } from '../playbook/listing/play-display.js';
import { formatListing } from '../playbook/listing/format-listing.js';
import { checkPlaybookPath, loadPlaybook } from '../playbook/load/playbook.js';
import { providedActions } from '../playbook/provided-actions.js';
import { tagSelection } from '../playbook/tag-selection.js';
import { vaultSettingsFromConfig } from '../vault/sources/settings.js';
import { Vault } from '../vault/vault.js';
import { VaultValues } from '../vars/vault-values.js';
import type { PlaybookOptions } from './commands/playbook.js';
import { vaultSecretsFromCli } from './commands/vault/options.js';
import type { CliContext } from './context.js';
import { parseExtraVars, readExtraVarFiles } from './extra-vars.js';

/**
 * --syntax-check and the --list-* modes, as ansible-playbook runs them: the
 * inventory is loaded and --limit checked first, then every playbook is
 * loaded and printed.
 */
export async function inspectPlaybooks(paths: readonly string[], options: PlaybookOptions, ctx: CliContext, actions?: ReadonlySet<string>): Promise<string> {
  // Missing playbooks are reported before anything else is loaded, as ansible-playbook does.
  for (const path of paths) checkPlaybookPath(path, ctx.cwd);
  const knownActions = actions ?? (await providedActions());
  const sink = ctx.sink(options.verbose);
  const config = await loadConfig({ cwd: ctx.cwd, env: ctx.env, sink });
  const vault = new Vault(await vaultSecretsFromCli(options, ctx, vaultSettingsFromConfig(config, ctx.env)));
  // A vaulted -e @file opens with the vault password options, as in a run.
  const vaultValues = new VaultValues(vault);
  const extraVars = parseExtraVars(options.extraVars ?? [], ctx.cwd, await readExtraVarFiles(options.extraVars ?? [], ctx.cwd, (file) => vaultValues.readFile(file)));
  const inventory = await loadPlaybookInventory(paths, options, ctx, config, vault);
  const rolesPath = config.get('DEFAULT_ROLES_PATH');
  let out = '';
  for (const path of paths) {
    const playbook = loadPlaybook(path, { knownActions, rolesPath, extraVars, sink, cwd: ctx.cwd });
    if (options.syntaxCheck) {
      // Like ansible-playbook, the syntax check also resolves each play's hosts and name.
      for (const play of playbook.plays) displayPlay(play, extraVars, sink);
      out += `\nplaybook: ${path}\n`;
      continue;
    }
    out += formatListing(path, playbook, {
      listTasks: options.listTasks === true,
      listTags: options.listTags === true,
      hostsFor: options.listHosts ? (patterns) => inventory.selectHosts(patterns, { limit: options.limit }).map((h) => h.name) : undefined,
      selection: tagSelection(options.tags ?? [], options.skipTags ?? []),
      extraVars,
      sink,
    });
  }
  return out;
}

/** The inventory with group_vars/host_vars beside the first playbook; fails like Ansible when --limit leaves no host. */
async function loadPlaybookInventory(paths: readonly string[], options: PlaybookOptions, ctx: CliContext, config: Config, vault: Vault): Promise<Inventory> {
  const sink = ctx.sink(options.verbose);
  const playbookDir = paths[0] === undefined ? undefined : dirname(resolve(ctx.cwd, paths[0]));
  const inventory = await loadInventory({
    ...inventoryOptionsFromConfig(config, { sources: options.inventory, cwd: ctx.cwd, sink, playbookDir }),
    vault,
  });
  selectTargets(inventory, 'all', { limit: options.limit, sink });
  return inventory;
}
