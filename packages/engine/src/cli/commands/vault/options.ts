import { Option, type Command } from 'commander';
import type { CliContext } from '../../context.js';
import { countVerbosity } from '../../context.js';
import { loadVaultSecrets, type SecretRequest } from '../../../vault/sources/load-secrets.js';
import { vaultSettingsFromConfig, type VaultSettings } from '../../../vault/sources/settings.js';
import type { VaultSecrets } from '../../../vault/secrets/vault-secrets.js';

/** Password options shared by `tsible vault` and every command that reads vaulted content. */
export interface VaultPasswordOptions {
  vaultId?: string[];
  vaultPasswordFile?: string[];
  askVaultPass?: boolean;
  verbose?: number;
}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** Adds --vault-id, --vault-password-file and -J/--ask-vault-pass, as ansible's commands have them. */
export function addVaultPasswordOptions(command: Command): Command {
  return command
    .option('--vault-id <id>', 'the vault identity to use (label@source; several allowed)', collect)
    .option('--vault-password-file <file>', 'vault password file (an executable file is run and its output used)', collect)
    .addOption(new Option('--vault-pass-file <file>').hideHelp().argParser(collect))
    .option('-J, --ask-vault-pass', 'ask for vault password');
}

export function addVerbosityOption(command: Command): Command {
  return command.option('-v, --verbose', 'more output (-vvv for stack traces on errors)', countVerbosity, 0);
}

/** Vault settings from ansible.cfg and the environment, for commands that have not loaded the config yet. */
export async function loadCliVaultSettings(ctx: CliContext): Promise<VaultSettings> {
  const { loadConfig } = await import('../../../config/config.js');
  return vaultSettingsFromConfig(await loadConfig({ cwd: ctx.cwd, env: ctx.env, sink: ctx.sink(0) }), ctx.env);
}

/** Reads the password options and settings into a request for loadVaultSecrets. */
export function secretRequestFrom(
  options: VaultPasswordOptions & { vaultPassFile?: string[] },
  ctx: CliContext,
  settings: VaultSettings,
): SecretRequest & { settings: VaultSettings } {
  return {
    vaultIds: options.vaultId ?? [],
    passwordFiles: [...(options.vaultPasswordFile ?? []), ...(options.vaultPassFile ?? [])],
    askVaultPass: options.askVaultPass === true,
    settings,
    cwd: ctx.cwd,
    events: ctx.sink(options.verbose ?? 0),
  };
}

/**
 * The secrets a playbook/ad-hoc run uses: no automatic prompt, as
 * ansible-playbook. `settings` come from vaultSettingsFromConfig(config, env).
 */
export function vaultSecretsFromCli(options: VaultPasswordOptions, ctx: CliContext, settings: VaultSettings): Promise<VaultSecrets> {
  return loadVaultSecrets({ ...secretRequestFrom(options, ctx, settings), autoPrompt: false });
}
