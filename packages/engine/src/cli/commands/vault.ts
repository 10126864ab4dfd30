import { Option, type Command } from 'commander';
import type { CliContext } from '../context.js';
import { addVaultPasswordOptions, addVerbosityOption } from './vault/options.js';

type Action = (files: string[], options: Record<string, unknown>, ctx: CliContext) => Promise<void>;

interface Subcommand {
  name: string;
  summary: string;
  argument: string;
  /** --encrypt-vault-id: for commands that write with a chosen secret. */
  choosesSecret?: boolean;
  /** --output FILE (- for stdout). */
  output?: boolean;
  /** Loaded on use, so other commands do not pay for the vault code. */
  load: () => Promise<Action>;
}

const SUBCOMMANDS: Subcommand[] = [
  { name: 'create', summary: 'Create new vault encrypted file', argument: '[file_name...]', choosesSecret: true, load: async () => (await import('./vault/file-actions.js')).createAction as Action },
  { name: 'decrypt', summary: 'Decrypt vault encrypted file', argument: '[file_name...]', output: true, load: async () => (await import('./vault/file-actions.js')).decryptAction as Action },
  { name: 'edit', summary: 'Edit vault encrypted file', argument: '[file_name...]', choosesSecret: true, load: async () => (await import('./vault/file-actions.js')).editAction as Action },
  { name: 'view', summary: 'View vault encrypted file', argument: '[file_name...]', load: async () => (await import('./vault/file-actions.js')).viewAction as Action },
  { name: 'encrypt', summary: 'Encrypt YAML file', argument: '[file_name...]', choosesSecret: true, output: true, load: async () => (await import('./vault/file-actions.js')).encryptAction as Action },
  { name: 'encrypt_string', summary: 'Encrypt a string', argument: '[string_to_encrypt...]', choosesSecret: true, output: true, load: async () => (await import('./vault/encrypt-string.js')).encryptStringAction as Action },
  { name: 'rekey', summary: 'Re-key a vault encrypted file', argument: '[file_name...]', choosesSecret: true, load: async () => (await import('./vault/file-actions.js')).rekeyAction as Action },
];

function addSpecificOptions(command: Command, name: string): void {
  if (name === 'encrypt_string') {
    command
      .option('-p, --prompt', 'Prompt for the string to encrypt')
      .option('--show-input', 'Do not hide input when prompted for the string to encrypt')
      .option('-n, --name <name>', 'Specify the variable name', (v: string, prev: string[] | undefined) => [...(prev ?? []), v])
      .option('--stdin-name <name>', 'Specify the variable name for stdin');
  }
  if (name === 'rekey') {
    command
      .option('--new-vault-password-file <file>', 'new vault password file for rekey')
      .addOption(new Option('--new-vault-id <id>', 'the new vault identity to use for rekey').conflicts('newVaultPasswordFile'));
  }
}

/** `tsible vault ...`: ansible-vault's subcommands and options. */
export function registerVaultCommand(program: Command, ctx: CliContext): void {
  const vault = program.command('vault').description('encryption/decryption utility for Ansible data files (Ansible Vault compatible)');
  for (const sub of SUBCOMMANDS) {
    const command = vault.command(sub.name).description(sub.summary).argument(sub.argument);
    addVaultPasswordOptions(command);
    addVerbosityOption(command);
    if (sub.choosesSecret) command.option('--encrypt-vault-id <id>', 'the vault id used to encrypt (required if more than one vault-id is provided)');
    if (sub.output) command.option('--output <file>', 'output file name for encrypt or decrypt; use - for stdout');
    addSpecificOptions(command, sub.name);
    command.action(async (files: string[], options: Record<string, unknown>) => {
      const action = await sub.load();
      await action(files, options, ctx);
    });
  }
}
