import { ExitCode, TsibleError } from '../../errors/tsible-error.js';
import { Emitter } from '../../output/events.js';
import { loadConfig } from '../../config/config.js';
import { resolve } from 'node:path';
import { loadInventory } from '../../inventory/index.js';
import { inventoryOptionsFromConfig } from '../../inventory/from-config.js';
import { Vault } from '../../vault/vault.js';
import { VaultValues } from '../../vars/vault-values.js';
import { vaultSettingsFromConfig } from '../../vault/sources/settings.js';
import { vaultSecretsFromCli } from '../commands/vault/options.js';
import { createConnection } from '../../connection/factory.js';
import { connectionSettingsFromConfig } from '../../connection/options/from-config.js';
import { runAdhoc, summariseOutcomes, type AdhocHost } from '../../executor/adhoc.js';
import { becomeFromVars } from '../../executor/become-from-vars.js';
import { containsTemplate } from '../../executor/contains-template.js';
import type { HostStats } from '../../executor/host-stats.js';
import type { TaskOutcome } from '../../executor/module-task.js';
import { resolveModule } from '../../module-api/module-name.js';
import type { Module } from '../../module-api/module.js';
import { parseModuleArgs } from '../../args/module-args.js';
import { parseExtraVars, readExtraVarFiles } from '../extra-vars.js';
import { formatMinimal } from '../../output/adhoc/minimal.js';
import { formatOneLine } from '../../output/adhoc/oneline.js';
import { adhocJsonReport } from '../../output/adhoc/json-report.js';
import { colourFor } from '../../output/adhoc/colour.js';
import { adhocDiff } from '../../output/adhoc/file-diff.js';
import { loadModuleRegistry } from './module-registry.js';
import { collectPasswords } from './passwords.js';
import { configOverrides, runSettings } from './run-settings.js';
import type { RunOptions } from './run-options.js';
import type { CliContext } from '../context.js';

/** What a module that is not installed returns on every host, as Ansible does. */
function moduleNotFound(name: string): TaskOutcome {
  return { status: 'failed', result: { failed: true, msg: `The module ${name} was not found in configured module paths` } };
}

/** Ansible refuses an empty command line for the modules that take one. */
function requireArgs(module: Module | undefined, name: string, rawArgs: string, pattern: string): void {
  if (module?.freeForm !== true || rawArgs.trim() !== '') return;
  const hint = pattern.endsWith('.yml') ? ' (did you mean to run ansible-playbook?)' : '';
  throw new TsibleError(`No argument passed to ${name} module${hint}`, { code: 'TSIBLE_ADHOC_NO_ARGS', exitCode: ExitCode.badOptions });
}

/**
 * `tsible run`: loads configuration, inventory and extra vars, runs the
 * module on every matching host and prints each result as it arrives.
 * Returns ansible's exit code.
 */
export async function runAdhocCommand(ctx: CliContext, pattern: string, options: RunOptions): Promise<number> {
  const config = await loadConfig({ cwd: ctx.cwd, env: ctx.env, sink: ctx.sink(options.verbose), overrides: configOverrides(options) });
  const settings = runSettings(options, config);
  const sink = ctx.sink(settings.verbosity);
  const events = new Emitter(sink);
  events.info('config.file', config.file === undefined ? 'No config file found; using defaults' : `Using ${config.file} as config file`);
  const passwords = await collectPasswords({ ...settings, connectionPasswordFile: options.connectionPasswordFile, becomePasswordFile: options.becomePasswordFile }, ctx.cwd);
  const vault = new Vault(await vaultSecretsFromCli(options, ctx, vaultSettingsFromConfig(config, ctx.env)));
  // Inline !vault values in -e are opened (and so masked in output) before any host is contacted.
  const vaultValues = new VaultValues(vault);
  const givenExtraVars = parseExtraVars(options.extraVars, ctx.cwd, await readExtraVarFiles(options.extraVars, ctx.cwd, (file) => vaultValues.readFile(file)));
  await vaultValues.decryptAll(givenExtraVars);
  const extraVars = vaultValues.reveal(givenExtraVars);
  // Ad-hoc runs read group_vars/ and host_vars/ beside the inventory and in the playbook directory (default: here).
  const playbookDir = resolve(ctx.cwd, options.playbookDir ?? '.');
  const inventory = await loadInventory({ ...inventoryOptionsFromConfig(config, { sources: options.inventory, cwd: ctx.cwd, sink, playbookDir }), vault });
  await inventory.preloadVarsFiles([playbookDir], vault);
  const hosts = inventory.selectHosts(pattern, { limit: options.limit });
  if (hosts.length === 0) {
    events.warn('adhoc.no_hosts', 'No hosts matched, nothing to do');
    return ExitCode.ok;
  }
  if (options.listHosts === true) {
    ctx.stdout.write(`  hosts (${hosts.length}):\n${hosts.map((h) => `    ${h.name}\n`).join('')}`);
    return ExitCode.ok;
  }

  const registry = await loadModuleRegistry();
  const module = resolveModule(registry, settings.moduleName);
  const rawArgs = options.args ?? '';
  requireArgs(module, settings.moduleName, rawArgs, pattern);
  const args = module === undefined ? {} : parseModuleArgs(rawArgs, module);

  const connectionSettings = connectionSettingsFromConfig(config, { password: passwords.connection, sshExtraArgs: options.sshExtraArgs, env: ctx.env, events: sink });
  // Inline !vault values in the inventory and group_vars/host_vars open (and are masked) before any host is contacted;
  // as in Ansible, one that does not open fails only where it is used.
  const inventoryVars = new Map(hosts.map((h) => [h.name, inventory.hostVars(h.name)]));
  await vaultValues.decryptWhenUsed([...inventoryVars.values()]);
  const varsOf = (name: string): Record<string, unknown> => {
    // -c is a default that a host's own ansible_connection overrides; -e wins over everything.
    const base = options.connection === undefined ? {} : { ansible_connection: options.connection };
    return { ...base, ...vaultValues.reveal(inventoryVars.get(name)), ...extraVars };
  };
  const targets: AdhocHost[] = hosts.map((h) => ({ name: h.name, vars: varsOf(h.name) }));
  const textOutput = module?.textOutput === true;
  const format = options.oneLine === true ? formatOneLine : formatMinimal;
  const colour = await colourFor(ctx.stdout, settings);
  const show = (host: string, outcome: TaskOutcome): void => {
    for (const warning of outcome.result.warnings ?? []) events.warn('adhoc.module_warning', warning);
    if (options.json === true) return;
    // The one-line callback shows no diffs.
    if (options.diff === true && options.oneLine !== true) ctx.stdout.write(adhocDiff(outcome));
    ctx.stdout.write(colour(outcome.status, format({ host, outcome, textOutput, verbosity: settings.verbosity })));
  };

  // The template engine is loaded only when an argument or a connection variable needs it.
  const needsTemplating = containsTemplate(args) || targets.some((t) => Object.entries(t.vars).some(([k, v]) => k.startsWith('ansible_') && containsTemplate(v)));
  const prepare = needsTemplating
    ? (await import('../../executor/adhoc-template.js')).adhocTemplater(
        {
          hosts: targets,
          groups: inventory.groupsMap(),
          playbookDir,
          checkMode: options.check === true,
          diffMode: options.diff === true,
          forks: settings.forks,
          verbosity: settings.verbosity,
        },
        sink,
      )
    : undefined;

  let outcomes: Map<string, TaskOutcome>;
  let stats: Record<string, HostStats>;
  let exitCode: number;
  if (module === undefined) {
    outcomes = new Map(targets.map((t) => [t.name, moduleNotFound(settings.moduleName)]));
    for (const [host, outcome] of outcomes) show(host, outcome);
    ({ stats, exitCode } = summariseOutcomes(outcomes));
  } else {
    ({ outcomes, stats, exitCode } = await runAdhoc({
      hosts: targets,
      module,
      args,
      ...(prepare === undefined ? {} : { prepare }),
      forks: settings.forks,
      checkMode: options.check === true,
      playbookDir,
      decryptIfVaulted: (data, file) => vaultValues.openBytes(data, file),
      diffMode: options.diff === true,
      timeoutMs: settings.taskTimeoutSeconds === undefined ? undefined : settings.taskTimeoutSeconds * 1000,
      connectionFor: (host) => createConnection(host.name, host.vars, connectionSettings),
      becomeFor: (host) =>
        becomeFromVars(host.vars, { become: settings.become, user: settings.becomeUser, method: settings.becomeMethod, password: passwords.become }),
      onResult: show,
      sink,
    }));
  }
  if (options.json === true) {
    ctx.stdout.write(`${JSON.stringify(adhocJsonReport(module?.name ?? settings.moduleName, outcomes, stats), null, 4)}\n`);
  }
  return exitCode;
}
