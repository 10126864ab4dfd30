import { dirname, resolve } from 'node:path';
import { loadConfig, type Config } from '../config/config.js';
import { Vault } from '../vault/vault.js';
import { vaultSettingsFromConfig } from '../vault/sources/settings.js';
import { vaultSecretsFromCli } from './commands/vault/options.js';
import { VaultValues } from '../vars/vault-values.js';
import { ConnectionPool } from '../executor/connection-pool.js';
import { runPlaybooks } from '../executor/playbook-runner.js';
import type { RunContext, RunOptions } from '../executor/run-context.js';
import { loadInventory } from '../inventory/load.js';
import { inventoryOptionsFromConfig } from '../inventory/from-config.js';
import { connectionSettingsFromConfig } from '../connection/options/from-config.js';
import { Emitter } from '../output/events.js';
import { colourFor } from '../output/adhoc/colour.js';
import { DefaultCallback } from '../output/playbook/default-callback.js';
import { JsonCallback } from '../output/playbook/json-callback.js';
import { loadPlaybook } from '../playbook/load/playbook.js';
import { providedActions } from '../playbook/provided-actions.js';
import { tagSelection } from '../playbook/tag-selection.js';
import { createDefaultEnvironment } from '../template/default-environment.js';
import { HostVarStore } from '../vars/host-var-store.js';
import { ExitCode, TsibleError } from '../errors/tsible-error.js';
import { loadModuleRegistry } from './adhoc/module-registry.js';
import { collectPasswords } from './adhoc/passwords.js';
import { parseExtraVars, readExtraVarFiles } from './extra-vars.js';
import { tsibleVersion } from './version.js';
import type { CliContext } from './context.js';
import type { ReadStream } from 'node:tty';
import { TtyTerminal } from './tty-terminal.js';
import type { PlaybookOptions } from './commands/playbook.js';

/** The vault from --vault-id / --vault-password-file / -J and the vault settings (no prompt unless asked). */
async function vaultFor(options: PlaybookOptions, ctx: CliContext, config: Config): Promise<Vault> {
  const secrets = await vaultSecretsFromCli(options, ctx, vaultSettingsFromConfig(config, ctx.env));
  return new Vault(secrets);
}

const ANSIBLE_COMPAT_VERSION = { full: '2.14.0', major: 2, minor: 14, revision: 0, string: '2.14.0' };

/** `tsible playbook` without a listing mode: loads everything first (bad input changes nothing), then runs. */
export async function runPlaybookCommand(paths: readonly string[], options: PlaybookOptions, ctx: CliContext): Promise<number> {
  const tty = process.stdin.isTTY === true;
  if (options.step === true && !tty) {
    throw new TsibleError('--step asks before each task and needs a terminal', {
      code: 'TSIBLE_STEP_NO_TTY',
      exitCode: ExitCode.badOptions,
      hint: 'use --start-at-task NAME, or --tags, to run part of a playbook',
    });
  }
  const baseSink = ctx.sink(options.verbose);
  const config = await loadConfig({ cwd: ctx.cwd, env: ctx.env, sink: baseSink });
  const verbosity = Math.max(options.verbose, config.get('DEFAULT_VERBOSITY'));
  const noColour = config.get('ANSIBLE_NOCOLOR') || ctx.env['NO_COLOR'] !== undefined;
  const forceColour = config.get('ANSIBLE_FORCE_COLOR');
  const paintStatus = await colourFor(ctx.stdout, { noColour, forceColour });
  const colour = paintStatus('ok', 'x') !== 'x';
  const sink =
    options.json === true
      ? new JsonCallback(ctx.stdout, baseSink)
      : new DefaultCallback({
          out: ctx.stdout,
          err: ctx.stderr,
          verbosity,
          colour,
          diff: options.diff === true,
          paint: (status, text) => paintStatus(status === 'ignoring' ? 'skipped' : status, text),
          next: baseSink,
        });
  // Every vaulted value is opened before any host is contacted: a wrong or missing password changes nothing.
  const vault = await vaultFor(options, ctx, config);
  const vaultValues = new VaultValues(vault);
  const extraVars = parseExtraVars(options.extraVars ?? [], ctx.cwd, await readExtraVarFiles(options.extraVars ?? [], ctx.cwd, (file) => vaultValues.readFile(file)));
  if (verbosity >= 1 && options.json !== true) ctx.stdout.write(config.file === undefined ? 'No config file found; using defaults\n' : `Using ${config.file} as config file\n`);
  const knownActions = await providedActions();
  const loadOptions = { knownActions, rolesPath: config.get('DEFAULT_ROLES_PATH'), extraVars, sink: baseSink, cwd: ctx.cwd };
  const playbooks = paths.map((p) => loadPlaybook(p, loadOptions));
  const playbookDir = dirname(resolve(ctx.cwd, paths[0]!));
  const inventory = await loadInventory({ ...inventoryOptionsFromConfig(config, { sources: options.inventory, cwd: ctx.cwd, sink: baseSink, playbookDir }), vault });
  const modules = await loadModuleRegistry();
  await vaultValues.decryptAll(extraVars, playbooks, ...inventory.allHosts().map((h) => inventory.hostVars(h.name, { playbookDir })));
  const passwords = await collectPasswords({ askPass: options.askPass === true, askBecomePass: options.askBecomePass === true }, ctx.cwd);
  const connectionDefaults: Record<string, unknown> = {};
  if (options.connection !== undefined) connectionDefaults['ansible_connection'] = options.connection;
  if (options.user !== undefined) connectionDefaults['ansible_user'] = options.user;
  if (options.privateKey !== undefined) connectionDefaults['ansible_private_key_file'] = options.privateKey;
  const timeout = options.timeout === undefined ? undefined : Number(options.timeout);
  const connectionSettings = connectionSettingsFromConfig(config, {
    password: passwords.connection,
    // Through the callback: at -vvv the connection's lines sit among the task results, as in Ansible.
    events: sink,
    ...(timeout !== undefined && Number.isFinite(timeout) ? { timeoutSeconds: timeout } : {}),
    ...(options.sshCommonArgs !== undefined ? { sshCommonArgs: options.sshCommonArgs } : {}),
  });
  const runOptions: RunOptions = {
    checkMode: options.check === true,
    diffMode: options.diff === true,
    verbosity,
    forks: options.forks ?? config.get('DEFAULT_FORKS'),
    become: {
      become: options.become === true || config.get('DEFAULT_BECOME'),
      user: options.becomeUser ?? config.get('DEFAULT_BECOME_USER'),
      method: options.becomeMethod ?? config.get('DEFAULT_BECOME_METHOD'),
      password: passwords.become,
    },
    connection: connectionSettings,
    connectionDefaults,
    tags: tagSelection(options.tags ?? [], options.skipTags ?? []),
    forceHandlers: options.forceHandlers === true || config.get('DEFAULT_FORCE_HANDLERS'),
    startAtTask: options.startAtTask,
    taskTimeout: 0,
    gathering: config.get('DEFAULT_GATHERING'),
    anyErrorsFatal: config.get('ANY_ERRORS_FATAL'),
  };
  const controller = new AbortController();
  const connections = new ConnectionPool(connectionSettings);
  // Ctrl-C: no new tasks start, running remote commands are killed with their connections, the recap still prints.
  // A second Ctrl-C does not wait for any of that.
  const onInterrupt = (): void => {
    if (controller.signal.aborted) process.exit(ExitCode.interrupted);
    controller.abort();
    void connections.closeAll();
  };
  process.on('SIGINT', onInterrupt);
  const run: RunContext = {
    inventory,
    store: new HostVarStore(),
    modules,
    sink,
    events: new Emitter(sink),
    options: runOptions,
    connections,
    runFacts: {
      playbookDir,
      inventorySources: inventory.sources,
      checkMode: runOptions.checkMode,
      diffMode: runOptions.diffMode,
      runTags: [...new Set((options.tags ?? []).flatMap((t) => t.split(',')))].sort(),
      skipTags: [...new Set((options.skipTags ?? []).flatMap((t) => t.split(',')))].sort(),
      verbosity,
      forks: runOptions.forks,
      version: { ...ANSIBLE_COMPAT_VERSION, tsible: tsibleVersion() } as typeof ANSIBLE_COMPAT_VERSION,
    },
    extraVars,
    stats: new Map(),
    customStats: {},
    signal: controller.signal,
    templateEnvironment: createDefaultEnvironment(),
    loadOptions,
    limit: options.limit,
    deadHosts: new Set(),
    failedHosts: new Set(),
    unreachableHosts: new Set(),
    lastBatchBroke: false,
    startAt: { pending: options.startAtTask },
    vaultValues,
    // Prompts go where the run's output goes (stderr under --json, so the document stays whole).
    terminal: tty ? new TtyTerminal(process.stdin as ReadStream, options.json === true ? ctx.stderr : ctx.stdout) : undefined,
    step: { active: options.step === true },
  };
  try {
    return await runPlaybooks(run, playbooks);
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
}
