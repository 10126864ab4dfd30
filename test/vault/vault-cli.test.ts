import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture, FIXTURES } from './fixtures.js';
import { slowTests, runTsible, shapeOf } from './run-tsible.js';

// Spawning the CLI is slow on a busy machine.
slowTests();

let dir: string;
const DEFAULT_PW = join(FIXTURES, 'passwords/default.txt');
const DEV_PW = join(FIXTURES, 'passwords/dev.txt');
const PROD_PW = join(FIXTURES, 'passwords/prod.txt');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tsible-vault-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[], options: { input?: string; env?: Record<string, string> } = {}) =>
  runTsible(['vault', ...args], { cwd: dir, ...options });

function put(name: string, content: string | Buffer, mode = 0o644): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  chmodSync(path, mode);
  return path;
}

describe('tsible vault encrypt / decrypt / view', () => {
  it('encrypts in place keeping the mode, and decrypts back to the same bytes', async () => {
    const path = put('secrets.yml', fixture('plaintext/multiline.yml'), 0o640);
    const enc = await run(['encrypt', '--vault-password-file', DEFAULT_PW, 'secrets.yml']);
    expect(enc).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(path, 'utf8').startsWith('$ANSIBLE_VAULT;1.1;AES256\n')).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['secrets.yml']);
    const dec = await run(['decrypt', '--vault-password-file', DEFAULT_PW, 'secrets.yml']);
    expect(dec.code).toBe(0);
    expect(readFileSync(path).equals(fixture('plaintext/multiline.yml'))).toBe(true);
  });

  it('writes format 1.2 for a named vault id and reads Ansible-made files', async () => {
    put('a.yml', 'x: 1\n');
    await run(['encrypt', '--vault-id', `dev@${DEV_PW}`, 'a.yml']);
    expect(readFileSync(join(dir, 'a.yml'), 'utf8').split('\n')[0]).toBe('$ANSIBLE_VAULT;1.2;AES256;dev');
    put('ansible.vault', fixture('ansible/multiline.prod.vault'));
    const view = await run(['view', '--vault-id', `dev@${DEV_PW}`, '--vault-id', `prod@${PROD_PW}`, 'ansible.vault']);
    expect(view).toEqual({ code: 0, stdout: fixture('plaintext/multiline.yml').toString(), stderr: '' });
  });

  it('view ends the text with a newline, as ansible-vault view does', async () => {
    put('n.vault', fixture('ansible/no-newline.txt.vault'));
    const view = await run(['view', '--vault-password-file', DEFAULT_PW, 'n.vault']);
    expect(view.stdout).toBe(fixture('ansible/no-newline.view.stdout').toString());
  });

  it('reads stdin and writes stdout with --output -', async () => {
    const enc = await run(['encrypt', '--vault-password-file', DEFAULT_PW], { input: 'piped: yes\n' });
    expect(enc.code).toBe(0);
    expect(enc.stdout.startsWith('$ANSIBLE_VAULT;1.1;AES256\n')).toBe(true);
    const dec = await run(['decrypt', '--vault-password-file', DEFAULT_PW, '--output', '-'], { input: enc.stdout });
    expect(dec).toEqual({ code: 0, stdout: 'piped: yes\n', stderr: '' });
  });

  it('writes --output to a new 0600 file and leaves the input alone', async () => {
    put('in.vault', fixture('ansible/multiline.yml.vault'));
    const dec = await run(['decrypt', '--vault-password-file', DEFAULT_PW, '--output', 'out.yml', 'in.vault']);
    expect(dec.code).toBe(0);
    expect(readFileSync(join(dir, 'out.yml')).equals(fixture('plaintext/multiline.yml'))).toBe(true);
    expect(statSync(join(dir, 'out.yml')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'in.vault')).equals(fixture('ansible/multiline.yml.vault'))).toBe(true);
    const two = await run(['decrypt', '--vault-password-file', DEFAULT_PW, '--output', 'x', 'in.vault', 'out.yml']);
    expect(two.code).toBe(5);
    expect(two.stderr).toBe('ERROR! At most one input file may be used with the --output option\n');
  });

  it('a wrong password names the file, exits 1 and changes nothing', async () => {
    const path = put('secrets.vault', fixture('ansible/multiline.yml.vault'));
    const dec = await run(['decrypt', '--vault-password-file', DEV_PW, 'secrets.vault']);
    expect(dec.code).toBe(1);
    expect(dec.stderr).toBe('ERROR! Decryption failed (no vault secrets were found that could decrypt) on secrets.vault\ncheck the vault password (--vault-id, --vault-password-file or --ask-vault-pass)\n');
    expect(dec.stdout).toBe('');
    const ansibleSays = fixture('messages/wrong-password.stderr').toString().split('\n').find((l) => l.startsWith('ERROR!')) ?? '';
    expect(dec.stderr.split(' on ')[0]).toBe(ansibleSays.split(' on ')[0]);
    expect(readFileSync(path).equals(fixture('ansible/multiline.yml.vault'))).toBe(true);
    expect(readdirSync(dir)).toEqual(['secrets.vault']);
  });

  it('refuses to encrypt twice and to decrypt plain data', async () => {
    put('v.vault', fixture('ansible/multiline.yml.vault'));
    const again = await run(['encrypt', '--vault-password-file', DEFAULT_PW, 'v.vault']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('input is already encrypted');
    put('plain.yml', 'a: 1\n');
    const plain = await run(['decrypt', '--vault-password-file', DEFAULT_PW, 'plain.yml']);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toBe('ERROR! input is not vault encrypted data: plain.yml is not a vault encrypted file\nvault data starts with $ANSIBLE_VAULT and is plain ASCII\n');
    expect(readFileSync(join(dir, 'plain.yml'), 'utf8')).toBe('a: 1\n');
  });

  it('needs --encrypt-vault-id when several secrets could encrypt', async () => {
    put('a.yml', 'a\n');
    const ids = ['--vault-id', `dev@${DEV_PW}`, '--vault-id', `prod@${PROD_PW}`];
    const ambiguous = await run(['encrypt', ...ids, 'a.yml']);
    expect(ambiguous.code).toBe(5);
    expect(ambiguous.stderr).toBe('ERROR! The vault-ids dev,prod are available to encrypt. Specify the vault-id to encrypt with --encrypt-vault-id\n');
    expect((await run(['encrypt', ...ids, '--encrypt-vault-id', 'prod', 'a.yml'])).code).toBe(0);
    expect(readFileSync(join(dir, 'a.yml'), 'utf8').split('\n')[0]).toBe('$ANSIBLE_VAULT;1.2;AES256;prod');
  });

  it('takes the password file from TSIBLE_/ANSIBLE_VAULT_PASSWORD_FILE and runs executable ones', async () => {
    put('v.vault', fixture('ansible/multiline.yml.vault'));
    const env = { ANSIBLE_VAULT_PASSWORD_FILE: DEFAULT_PW };
    expect((await run(['view', 'v.vault'], { env })).code).toBe(0);
    put('pw.sh', `#!/bin/sh\ncat '${DEFAULT_PW}'\n`, 0o700);
    expect((await run(['view', 'v.vault'], { env: { TSIBLE_VAULT_PASSWORD_FILE: join(dir, 'pw.sh') } })).stdout).toBe(fixture('plaintext/multiline.yml').toString());
  });

  it('takes vault_password_file and vault_identity_list from ansible.cfg', async () => {
    put('v.vault', fixture('ansible/multiline.yml.vault'));
    put('d.vault', fixture('ansible/multiline.dev.vault'));
    put('ansible.cfg', `[defaults]\nvault_password_file = ${DEFAULT_PW}\nvault_identity_list = dev@${DEV_PW}\n`);
    expect((await run(['view', 'v.vault'])).stdout).toBe(fixture('plaintext/multiline.yml').toString());
    expect((await run(['view', 'd.vault'])).stdout).toBe(fixture('plaintext/multiline.yml').toString());
  });

  it('labels unnamed passwords with vault_identity, as ansible-vault does', async () => {
    put('a.yml', 'a: 1\n');
    put('ansible.cfg', '[defaults]\nvault_identity = ops\n');
    expect((await run(['encrypt', '--vault-password-file', DEFAULT_PW, 'a.yml'])).code).toBe(0);
    expect(readFileSync(join(dir, 'a.yml'), 'utf8').split('\n')[0]).toBe('$ANSIBLE_VAULT;1.2;AES256;ops');
  });
});

describe('tsible vault encrypt_string', () => {
  it('prints the same block as ansible-vault for a named value', async () => {
    const out = await run(['encrypt_string', '--vault-password-file', DEFAULT_PW, '-n', 'db_password', 'p@ss: word']);
    expect(out.code).toBe(0);
    expect(shapeOf(out.stdout)).toBe(shapeOf(fixture('ansible/encrypt_string_named.stdout').toString()));
    expect(out.stderr).toBe(fixture('ansible/encrypt_string_named.stderr').toString());
  });

  it('matches ansible-vault for several values, and names on stderr', async () => {
    const out = await run(['encrypt_string', '--vault-id', `dev@${DEV_PW}`, '-n', 'first', '-n', 'second', 'one', 'two', 'three']);
    expect(shapeOf(out.stdout)).toBe(shapeOf(fixture('ansible/encrypt_string_multi.stdout').toString()));
    expect(out.stderr).toBe(fixture('ansible/encrypt_string_multi.stderr').toString());
  });

  it('reads stdin with --stdin-name, and the output decrypts', async () => {
    const out = await run(['encrypt_string', '--vault-password-file', DEFAULT_PW, '--stdin-name', 'piped'], { input: 'from stdin\n' });
    expect(shapeOf(out.stdout)).toBe(shapeOf(fixture('ansible/encrypt_string_stdin.stdout').toString()));
    const body = out.stdout.split('\n').slice(1).map((l) => l.trim()).join('\n');
    const dec = await run(['decrypt', '--vault-password-file', DEFAULT_PW, '--output', '-'], { input: body });
    expect(dec.stdout).toBe('from stdin\n');
  });

  it('writes --output to a 0600 file, as ansible-vault (no trailing newline)', async () => {
    const out = await run(['encrypt_string', '--vault-password-file', DEFAULT_PW, '--output', 'snippet.yml', '-n', 'k', 'v']);
    expect(out).toEqual({ code: 0, stdout: '', stderr: '' });
    const written = readFileSync(join(dir, 'snippet.yml'), 'utf8');
    expect(written.startsWith('k: !vault |\n          $ANSIBLE_VAULT;1.1;AES256\n')).toBe(true);
    expect(written.endsWith('\n')).toBe(false);
    expect(statSync(join(dir, 'snippet.yml')).mode & 0o777).toBe(0o600);
  });

  it('refuses empty input like ansible-vault', async () => {
    const empty = await run(['encrypt_string', '--vault-password-file', DEFAULT_PW, '']);
    expect(empty).toEqual({ code: 5, stdout: '', stderr: 'ERROR! The plaintext provided from the command line args was empty, not encrypting\n' });
    const noStdin = await run(['encrypt_string', '--vault-password-file', DEFAULT_PW]);
    expect(noStdin.stderr).toBe('ERROR! stdin was empty, not encrypting\n');
    const both = await run(['encrypt_string', '--vault-password-file', DEFAULT_PW, '-p', '-']);
    expect(both.stderr).toBe('ERROR! The --prompt option is not supported if also reading input from stdin\n');
  });
});

describe('tsible vault rekey', () => {
  it('re-encrypts under the new password, keeping the mode', async () => {
    const path = put('v.vault', fixture('ansible/multiline.yml.vault'), 0o640);
    const rekey = await run(['rekey', '--vault-password-file', DEFAULT_PW, '--new-vault-password-file', PROD_PW, 'v.vault']);
    expect(rekey).toEqual({ code: 0, stdout: '', stderr: 'Rekey successful\n' });
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect((await run(['view', '--vault-password-file', DEFAULT_PW, 'v.vault'])).code).toBe(1);
    expect((await run(['view', '--vault-password-file', PROD_PW, 'v.vault'])).stdout).toBe(fixture('plaintext/multiline.yml').toString());
  });

  it('moves a file to a named vault id', async () => {
    put('v.vault', fixture('ansible/multiline.yml.vault'));
    const rekey = await run(['rekey', '--vault-password-file', DEFAULT_PW, '--new-vault-id', `dev@${DEV_PW}`, 'v.vault']);
    expect(rekey.code).toBe(0);
    expect(readFileSync(join(dir, 'v.vault'), 'utf8').split('\n')[0]).toBe('$ANSIBLE_VAULT;1.2;AES256;dev');
  });

  it('changes no file when one of several cannot be opened', async () => {
    const first = put('a.vault', fixture('ansible/multiline.yml.vault'));
    const second = put('b.vault', fixture('ansible/multiline.dev.vault'));
    const rekey = await run(['rekey', '--vault-password-file', DEFAULT_PW, '--new-vault-password-file', PROD_PW, 'a.vault', 'b.vault']);
    expect(rekey.code).toBe(1);
    expect(rekey.stderr).toContain('on b.vault');
    expect(readFileSync(first).equals(fixture('ansible/multiline.yml.vault'))).toBe(true);
    expect(readFileSync(second).equals(fixture('ansible/multiline.dev.vault'))).toBe(true);
    const decrypt = await run(['decrypt', '--vault-password-file', DEFAULT_PW, 'a.vault', 'b.vault']);
    expect(decrypt.code).toBe(1);
    expect(readFileSync(first).equals(fixture('ansible/multiline.yml.vault'))).toBe(true);
  });

  it('a wrong old password leaves the file untouched', async () => {
    const path = put('v.vault', fixture('ansible/multiline.yml.vault'));
    const rekey = await run(['rekey', '--vault-password-file', DEV_PW, '--new-vault-password-file', PROD_PW, 'v.vault']);
    expect(rekey.code).toBe(1);
    expect(readFileSync(path).equals(fixture('ansible/multiline.yml.vault'))).toBe(true);
    expect(readdirSync(dir)).toEqual(['v.vault']);
  });
});

describe('asking for the password', () => {
  it('is a clear error without a terminal', async () => {
    put('v.vault', fixture('ansible/multiline.yml.vault'));
    const view = await runTsible(['vault', 'view', '--ask-vault-pass', 'v.vault'], { cwd: dir, detached: true });
    expect(view.code).toBe(1);
    expect(view.stderr).toBe('ERROR! Cannot prompt for a vault password: there is no terminal\nuse --vault-password-file FILE or --vault-id label@FILE when running without a terminal\n');
  });
});
