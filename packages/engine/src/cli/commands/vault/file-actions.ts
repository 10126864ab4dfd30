import { spawn } from 'node:child_process';
import type { CliContext } from '../../context.js';
import { Vault } from '../../../vault/vault.js';
import { vaultOptionsError } from '../../../vault/errors.js';
import { createVaultFile, editVaultFile, rekeyVaultFiles } from '../../../vault/files/edit-vault-file.js';
import { splitCommandLine } from '../../../text/shlex.js';
import { newSecretForRekey, secretForEncrypting, secretsForReading, type EncryptChoiceOptions, type RekeyOptions } from './action-secrets.js';
import { isTty, readInput, say, STDIO, writeOutput } from './io.js';
import { loadCliVaultSettings, type VaultPasswordOptions } from './options.js';

export interface OutputOptions {
  output?: string;
}

function checkOutput(files: string[], options: OutputOptions): void {
  if (options.output !== undefined && files.length > 1) throw vaultOptionsError('At most one input file may be used with the --output option');
}

/** Every input is processed before anything is written: one bad file changes nothing. */
async function writeAll(results: Array<[string, Buffer]>, ctx: CliContext): Promise<void> {
  for (const [path, data] of results) await writeOutput(path, data, ctx);
}

function editorOf(ctx: CliContext): string {
  const editor = ctx.env['EDITOR'];
  return editor === undefined || editor.trim() === '' ? 'vi' : editor;
}

export async function encryptAction(files: string[], options: EncryptChoiceOptions & OutputOptions, ctx: CliContext): Promise<void> {
  checkOutput(files, options);
  const { secrets, secret } = await secretForEncrypting(options, ctx, await loadCliVaultSettings(ctx));
  const vault = new Vault(secrets);
  if (files.length === 0 && isTty(process.stdin)) say(ctx, 'Reading plaintext input from stdin');
  const results: Array<[string, Buffer]> = [];
  for (const file of files.length === 0 ? [STDIO] : files) {
    results.push([options.output ?? file, Buffer.from(await vault.encrypt(await readInput(file), secret), 'utf8')]);
  }
  await writeAll(results, ctx);
  if (isTty(ctx.stdout)) say(ctx, 'Encryption successful');
}

export async function decryptAction(files: string[], options: VaultPasswordOptions & OutputOptions, ctx: CliContext): Promise<void> {
  checkOutput(files, options);
  const vault = new Vault(await secretsForReading(options, ctx, await loadCliVaultSettings(ctx)));
  if (files.length === 0 && isTty(process.stdin)) say(ctx, 'Reading ciphertext input from stdin');
  const results: Array<[string, Buffer]> = [];
  for (const file of files.length === 0 ? [STDIO] : files) {
    results.push([options.output ?? file, await vault.decrypt(await readInput(file), { file: file === STDIO ? undefined : file })]);
  }
  await writeAll(results, ctx);
  if (isTty(ctx.stdout)) say(ctx, 'Decryption successful');
}

/** On a terminal the text goes through $PAGER (default less), otherwise straight to stdout. */
async function page(text: string, ctx: CliContext): Promise<void> {
  const pager = splitCommandLine(ctx.env['PAGER'] ?? 'less');
  if (!isTty(ctx.stdout) || pager === undefined || pager[0] === undefined) {
    ctx.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    return;
  }
  const [program, ...args] = pager;
  const shown = await new Promise<boolean>((resolve) => {
    const child = spawn(program, args, { stdio: ['pipe', 'inherit', 'inherit'], env: { LESS: 'FRSX', ...ctx.env } });
    child.on('error', () => resolve(false));
    child.on('close', () => resolve(true));
    child.stdin.on('error', () => undefined);
    child.stdin.end(text);
  });
  if (!shown) ctx.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export async function viewAction(files: string[], options: VaultPasswordOptions, ctx: CliContext): Promise<void> {
  const vault = new Vault(await secretsForReading(options, ctx, await loadCliVaultSettings(ctx)));
  for (const file of files) {
    const plaintext = await vault.decrypt(await readInput(file), { file });
    await page(plaintext.toString('utf8'), ctx);
  }
}

export async function editAction(files: string[], options: VaultPasswordOptions, ctx: CliContext): Promise<void> {
  const vault = new Vault(await secretsForReading(options, ctx, await loadCliVaultSettings(ctx)));
  for (const file of files) await editVaultFile(vault, file, { editor: editorOf(ctx), events: ctx.sink(options.verbose ?? 0) });
}

export async function createAction(files: string[], options: EncryptChoiceOptions, ctx: CliContext): Promise<void> {
  if (files.length !== 1) throw vaultOptionsError('tsible vault create can take only one filename argument');
  const { secrets, secret } = await secretForEncrypting(options, ctx, await loadCliVaultSettings(ctx));
  await createVaultFile(new Vault(secrets), files[0] as string, secret, { editor: editorOf(ctx), events: ctx.sink(options.verbose ?? 0) });
}

export async function rekeyAction(files: string[], options: RekeyOptions, ctx: CliContext): Promise<void> {
  const settings = await loadCliVaultSettings(ctx);
  const vault = new Vault(await secretsForReading(options, ctx, settings));
  const newSecret = await newSecretForRekey(options, ctx, settings);
  await rekeyVaultFiles(vault, files, newSecret);
  say(ctx, 'Rekey successful');
}
