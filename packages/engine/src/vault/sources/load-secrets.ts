import { Emitter, type EventSink } from '../../output/events.js';
import { isTsibleError } from '../../errors/tsible-error.js';
import { passwordSourceError, vaultOptionsError } from '../errors.js';
import { DEFAULT_VAULT_ID } from '../format/envelope.js';
import { VaultSecret } from '../secrets/vault-secret.js';
import { VaultSecrets } from '../secrets/vault-secrets.js';
import { Vault } from '../vault.js';
import { readPasswordSource, resolvePasswordPath } from './password-file.js';
import type { VaultSettings } from './settings.js';
import { stripWhitespace } from './strip.js';
import { ttyPrompter, type Prompter } from './tty-prompt.js';

/** Everything that can name a vault password, in command-line terms. */
export interface SecretRequest {
  /** --vault-id values in order: `label@file`, `label@prompt`, or a bare source. */
  vaultIds?: readonly string[];
  /** --vault-password-file values; each becomes `default@FILE`. */
  passwordFiles?: readonly string[];
  /** --ask-vault-pass. */
  askVaultPass?: boolean;
  /** Config/env settings; their password file and identity list are added when set. */
  settings?: VaultSettings;
  /** Prompts ask twice and compare (create, encrypt, rekey's new password). */
  newPassword?: boolean;
  /** Prompt when nothing else names a password (ansible-vault does; playbooks do not). */
  autoPrompt?: boolean;
  cwd: string;
  prompter?: Prompter;
  events?: EventSink;
}

const PROMPT = 'prompt';
/** The slug --ask-vault-pass produces; it keeps Ansible's older prompt wording. */
const ASK_VAULT_PASS = 'prompt_ask_vault_pass';

interface Slug {
  label: string | undefined;
  source: string;
}

export function splitVaultId(slug: string): Slug {
  if (slug.includes(';')) throw vaultOptionsError(`'${slug}' is not a valid vault id. The character ';' is not allowed in vault ids`);
  const at = slug.indexOf('@');
  if (at < 0) return { label: undefined, source: slug };
  return { label: slug.slice(0, at), source: slug.slice(at + 1) };
}

/** The label for sources named without one (vault_identity, normally `default`). */
function defaultLabel(request: SecretRequest): string {
  return request.settings?.defaultIdentity ?? DEFAULT_VAULT_ID;
}

/** The slugs in Ansible's order: identity list, --vault-id, password files, then a prompt. */
export function vaultIdSlugs(request: SecretRequest): string[] {
  const label = defaultLabel(request);
  const slugs = [...(request.settings?.identityList ?? []), ...(request.vaultIds ?? [])];
  const files = [...(request.passwordFiles ?? [])];
  if (request.settings?.passwordFile !== undefined) files.push(request.settings.passwordFile);
  for (const file of files) slugs.push(`${label}@${file}`);
  const ask = request.askVaultPass === true || request.settings?.askVaultPass === true;
  if (ask || (slugs.length === 0 && request.autoPrompt === true)) slugs.push(`${label}@${ASK_VAULT_PASS}`);
  return slugs;
}

function promptQuestions(kind: string, id: string, newPassword: boolean): string[] {
  if (kind === ASK_VAULT_PASS) return newPassword ? ['New Vault password: ', 'Confirm New Vault password: '] : ['Vault password: '];
  return newPassword ? [`New vault password (${id}): `, `Confirm new vault password (${id}): `] : [`Vault password (${id}): `];
}

async function promptedPassword(prompter: Prompter, questions: string[]): Promise<Buffer> {
  const answers: Buffer[] = [];
  for (const question of questions) {
    const answer = stripWhitespace(Buffer.from(await prompter(question, true), 'utf8'));
    if (answer.length === 0) throw passwordSourceError('Invalid vault password was provided');
    answers.push(answer);
  }
  const [first] = answers;
  if (first === undefined) throw passwordSourceError('Invalid vault password was provided');
  if (answers.some((a) => !a.equals(first))) throw passwordSourceError('Passwords do not match');
  return first;
}

/**
 * Turns password options into secrets. As in Ansible, a password file that
 * cannot be read is a warning while another source works, and an error when
 * none does; a prompt that fails is always an error.
 */
export async function loadVaultSecrets(request: SecretRequest): Promise<VaultSecrets> {
  const events = request.events === undefined ? undefined : new Emitter(request.events);
  const prompter = request.prompter ?? ttyPrompter;
  const secrets: VaultSecret[] = [];
  let lastError: unknown;
  for (const slug of vaultIdSlugs(request)) {
    const { label, source } = splitVaultId(slug);
    const id = label === undefined || label === '' ? defaultLabel(request) : label;
    if (source === PROMPT || source === ASK_VAULT_PASS) {
      const password = await promptedPassword(prompter, promptQuestions(source, id, request.newPassword === true));
      secrets.push(new VaultSecret(id, password, 'prompt'));
      continue;
    }
    const path = resolvePasswordPath(source, request.cwd);
    try {
      // As in Ansible, a password file may itself be vaulted with a secret given before it.
      const openVaulted = (data: Buffer, file: string): Promise<Buffer> => new Vault(new VaultSecrets(secrets)).decryptIfVaulted(data, file);
      secrets.push(new VaultSecret(id, await readPasswordSource(path, id, openVaulted), path));
    } catch (err) {
      if (!isTsibleError(err)) throw err;
      events?.warn('vault.password_source', `Error getting vault password file (${id}): ${err.message}`);
      lastError = err;
    }
  }
  if (secrets.length === 0 && lastError !== undefined) throw lastError;
  return new VaultSecrets(secrets, { idMatchOnly: request.settings?.idMatch === true });
}
