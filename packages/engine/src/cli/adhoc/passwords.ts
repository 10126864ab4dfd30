import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { TsibleError, ExitCode } from '../../errors/tsible-error.js';
import { promptSecret } from '../prompt-secret.js';
import { runSecrets } from '../../output/secrets/secret-registry.js';

export interface Passwords {
  connection?: string | undefined;
  become?: string | undefined;
}

async function fromFile(file: string, cwd: string, flag: string): Promise<string> {
  try {
    return (await readFile(resolve(cwd, file), 'utf8')).replace(/\r?\n$/, '');
  } catch (err) {
    throw new TsibleError(`${flag}: cannot read ${file}: ${(err as Error).message}`, { code: 'TSIBLE_PASSWORD_FILE', exitCode: ExitCode.badOptions });
  }
}

/** What decides which passwords to ask for: the files given and whether -k/-K (or ask_pass config) are on. */
export interface PasswordSources {
  askPass: boolean;
  askBecomePass: boolean;
  connectionPasswordFile?: string | undefined;
  becomePasswordFile?: string | undefined;
}

/** -k/-K prompts (Ansible's wording) or the password files; asked once, before any host is contacted. */
export async function collectPasswords(options: PasswordSources, cwd: string): Promise<Passwords> {
  if (options.askPass && options.connectionPasswordFile !== undefined) {
    throw new TsibleError('argument -k/--ask-pass: not allowed with argument --connection-password-file', { code: 'TSIBLE_BAD_OPTION', exitCode: ExitCode.badOptions });
  }
  if (options.askBecomePass && options.becomePasswordFile !== undefined) {
    throw new TsibleError('argument -K/--ask-become-pass: not allowed with argument --become-password-file', { code: 'TSIBLE_BAD_OPTION', exitCode: ExitCode.badOptions });
  }
  const passwords: Passwords = {};
  if (options.connectionPasswordFile !== undefined) passwords.connection = await fromFile(options.connectionPasswordFile, cwd, '--connection-password-file');
  if (options.askPass) passwords.connection = await promptSecret('SSH password: ');
  if (options.becomePasswordFile !== undefined) passwords.become = await fromFile(options.becomePasswordFile, cwd, '--become-password-file');
  if (options.askBecomePass) {
    const prompt = options.askPass ? 'BECOME password[defaults to SSH password]: ' : 'BECOME password: ';
    const answer = await promptSecret(prompt);
    passwords.become = answer === '' && options.askPass ? passwords.connection : answer;
  }
  runSecrets.add(passwords.connection);
  runSecrets.add(passwords.become);
  return passwords;
}
