import type { CliContext } from '../../context.js';
import { Vault } from '../../../vault/vault.js';
import { vaultOptionsError } from '../../../vault/errors.js';
import { ttyPrompter } from '../../../vault/sources/tty-prompt.js';
import { secretForEncrypting, type EncryptChoiceOptions } from './action-secrets.js';
import { isTty, readStdin, say, STDIO, writeOutput } from './io.js';
import type { OutputOptions } from './file-actions.js';
import { loadCliVaultSettings } from './options.js';

export interface EncryptStringOptions extends EncryptChoiceOptions, OutputOptions {
  prompt?: boolean;
  showInput?: boolean;
  name?: string[];
  stdinName?: string;
}

type Source = 'stdin' | 'the command line args' | 'the interactive prompt';

interface Plaintext {
  text: Buffer;
  source: Source;
  name: string | undefined;
}

/** The `name: !vault |` block ansible-vault prints, body indented by ten spaces. */
export function formatVaultYaml(envelope: string, name: string | undefined): string {
  const header = `${name ? `${name}: ` : ''}!vault |`;
  return [header, ...envelope.split('\n').filter((line) => line !== '').map((line) => `${' '.repeat(10)}${line}`)].join('\n');
}

async function fromPrompt(options: EncryptStringOptions): Promise<Plaintext> {
  const name = await ttyPrompter('Variable name (enter for no name): ', false);
  const hidden = options.showInput !== true;
  const text = await ttyPrompter(hidden ? 'String to encrypt (hidden): ' : 'String to encrypt:', hidden);
  if (text === '') throw vaultOptionsError('The plaintext provided from the prompt was empty, not encrypting');
  return { text: Buffer.from(text, 'utf8'), source: 'the interactive prompt', name: name === '' ? undefined : name };
}

async function fromStdin(options: EncryptStringOptions, ctx: CliContext): Promise<Plaintext> {
  if (isTty(ctx.stdout)) say(ctx, 'Reading plaintext input from stdin. (ctrl-d to end input, twice if your content does not already have a newline)');
  const text = await readStdin();
  if (text.length === 0) throw vaultOptionsError('stdin was empty, not encrypting');
  if (isTty(ctx.stdout) && text[text.length - 1] !== 0x0a) ctx.stdout.write('\n');
  return { text, source: 'stdin', name: options.stdinName };
}

/** Pairs args with --name values; surplus args stay unnamed (with Ansible's vague warning). */
function fromArgs(args: string[], options: EncryptStringOptions, ctx: CliContext): Plaintext[] {
  const names = options.name ?? [];
  if (names.length > 0 && args.length > names.length) {
    say(ctx, 'The number of --name options do not match the number of args.');
    say(ctx, `The last named variable will be "${names[names.length - 1] as string}". The rest will not have names.`);
  }
  return args.map((arg, i) => {
    if (arg === '') throw vaultOptionsError('The plaintext provided from the command line args was empty, not encrypting');
    return { text: Buffer.from(arg, 'utf8'), source: 'the command line args', name: names[i] };
  });
}

function delimiter(item: Plaintext, index: number): string {
  return item.name
    ? `# The encrypted version of variable ("${item.name}", the string #${index + 1} from ${item.source}).\n`
    : `# The encrypted version of the string #${index + 1} from ${item.source}.)\n`;
}

/**
 * Prints ready-to-paste `!vault` blocks. Plaintext comes from args, stdin
 * (`-`, no args, or --stdin-name) or a prompt (-p), never echoed anywhere.
 */
export async function encryptStringAction(argv: string[], options: EncryptStringOptions, ctx: CliContext): Promise<void> {
  const args = argv.filter((a) => a !== STDIO);
  const readsStdin = argv.includes(STDIO) || options.stdinName !== undefined || (argv.length === 0 && options.prompt !== true);
  if (options.prompt === true && readsStdin) throw vaultOptionsError('The --prompt option is not supported if also reading input from stdin');
  const { secrets, secret } = await secretForEncrypting(options, ctx, await loadCliVaultSettings(ctx));
  const items: Plaintext[] = [];
  if (options.prompt === true) items.push(await fromPrompt(options));
  if (readsStdin) items.push(await fromStdin(options, ctx));
  items.push(...fromArgs(args, options, ctx));
  const vault = new Vault(secrets);
  const blocks: string[] = [];
  for (const [index, item] of items.entries()) {
    if (items.length > 1) ctx.stderr.write(delimiter(item, index));
    blocks.push(formatVaultYaml(await vault.encrypt(item.text, secret), item.name));
  }
  // ansible-vault 2.14 ends the output without a newline; on a terminal one is added so the prompt is not glued to it.
  const output = blocks.join('\n') + (options.output === undefined && isTty(ctx.stdout) ? '\n' : '');
  await writeOutput(options.output ?? STDIO, Buffer.from(output, 'utf8'), ctx);
  if (isTty(ctx.stdout)) say(ctx, 'Encryption successful');
}
