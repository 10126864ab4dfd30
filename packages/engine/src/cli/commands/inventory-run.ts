import { renameSync, writeFileSync } from 'node:fs';
import { dirname, basename, join, resolve } from 'node:path';
import { ExitCode, TsibleError } from '../../errors/tsible-error.js';
import { loadConfig } from '../../config/config.js';
import { inventoryOptionsFromConfig } from '../../inventory/from-config.js';
import { loadInventory } from '../../inventory/load.js';
import { graphView, hostVarsView, listView, yamlListView, type ViewOptions } from '../../inventory/output/views.js';
import { pythonJson } from '../../inventory/output/python-json.js';
import { pyyamlDump } from '../../inventory/output/pyyaml-dump.js';
import { graphValue } from '../../inventory/output/graph-value.js';
import type { CliContext } from '../context.js';
import type { InventoryFlags } from './inventory.js';
import { vaultSecretsFromCli } from './vault/options.js';
import { Vault } from '../../vault/vault.js';
import { vaultSettingsFromConfig } from '../../vault/sources/settings.js';

function optionsError(message: string, hint?: string): TsibleError {
  return new TsibleError(message, { code: 'TSIBLE_OPTIONS', exitCode: ExitCode.badOptions, hint });
}

/** Writes through a temporary file and a rename, so readers never see half a file. */
function writeAtomically(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text, { mode: 0o644 });
    renameSync(tmp, path);
  } catch (err) {
    throw new TsibleError(`Unable to write to destination file (${path}): ${(err as Error).message}`, { code: 'TSIBLE_OUTPUT_FILE', cause: err });
  }
}

export async function runInventoryCommand(ctx: CliContext, flags: InventoryFlags, pattern: string | undefined): Promise<number> {
  const actions = [flags.list, flags.host !== undefined, flags.graph].filter(Boolean).length;
  if (actions === 0) throw optionsError('No action selected, at least one of --host, --graph or --list needs to be specified.');
  if (actions > 1) throw optionsError('Conflicting options used, only one of --host, --graph or --list can be used at the same time.');
  if (flags.toml) throw optionsError('TOML output is not supported', 'use --yaml or the default JSON');

  const sink = ctx.sink(flags.verbose);
  const config = await loadConfig({ cwd: ctx.cwd, env: ctx.env, sink });
  const vault = new Vault(await vaultSecretsFromCli(flags, ctx, vaultSettingsFromConfig(config, ctx.env)));
  const inventory = await loadInventory({
    ...inventoryOptionsFromConfig(config, { sources: flags.inventory, cwd: ctx.cwd, sink, playbookDir: flags.playbookDir }),
    vault,
  });
  // Without --playbook-dir ansible-inventory still reads group_vars/host_vars from the working directory.
  await inventory.preloadVarsFiles([ctx.cwd], vault);
  const view: ViewOptions = {
    export: flags.export === true,
    playbookDir: flags.playbookDir === undefined ? undefined : resolve(ctx.cwd, flags.playbookDir),
    defaultBasedir: ctx.cwd,
    limit: flags.limit,
  };
  const dump = (value: unknown): string => (flags.yaml ? pyyamlDump(value) : pythonJson(value));

  let text: string;
  if (flags.host !== undefined) {
    const hosts = inventory.selectHosts(flags.host, { limit: flags.limit });
    const host = hosts[0];
    if (hosts.length !== 1 || host === undefined) throw optionsError('You must pass a single valid host to --host parameter');
    text = dump(hostVarsView(inventory, host, view));
  } else if (flags.graph) {
    const start = inventory.group(pattern ?? 'all');
    if (!start) throw optionsError('Pattern must be valid group name when using --graph');
    text = graphView(inventory, start, flags.vars === true, view, graphValue);
  } else {
    text = dump(flags.yaml ? yamlListView(inventory, view) : listView(inventory, view));
  }
  // PyYAML output already ends with a newline; Ansible's display adds one more only when missing.
  if (flags.output !== undefined) {
    writeAtomically(resolve(ctx.cwd, flags.output), text);
  } else {
    ctx.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }
  return ExitCode.ok;
}
