import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture, FIXTURES } from './fixtures.js';
import { slowTests, runTsible, TSIBLE_BIN } from './run-tsible.js';

const DEFAULT_PW = join(FIXTURES, 'passwords/default.txt');
const PROD_PW = join(FIXTURES, 'passwords/prod.txt');
// Spawning the CLI is slow on a busy machine.
slowTests();

let dir: string;
let temp: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tsible-vault-edit-'));
  temp = join(dir, 'tmp');
  mkdirSync(temp);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** An $EDITOR that records what it was given (path, modes) and then runs `action` on the file. */
function editor(action: string): string {
  const path = join(dir, 'editor.sh');
  writeFileSync(
    path,
    `#!/bin/sh\nf="$1"\necho "$f" > "${dir}/edited-path"\nstat -c %a "$f" > "${dir}/file-mode"\nstat -c %a "$(dirname "$f")" > "${dir}/dir-mode"\n${action}\n`,
  );
  chmodSync(path, 0o700);
  return path;
}

const run = (args: string[], editorScript: string) =>
  runTsible(['vault', ...args], { cwd: dir, env: { EDITOR: editorScript, TMPDIR: temp } });

function put(name: string, content: Buffer | string): string {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
}

describe('tsible vault edit', () => {
  it('decrypts to a private temp file, re-encrypts with the same vault id, and cleans up', async () => {
    const path = put('prod.yml', fixture('ansible/multiline.prod.vault'));
    const result = await run(['edit', '--vault-id', `prod@${PROD_PW}`, 'prod.yml'], editor('echo "added: true" >> "$f"'));
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    const edited = readFileSync(join(dir, 'edited-path'), 'utf8').trim();
    expect(edited.endsWith('.yml')).toBe(true);
    expect(readFileSync(join(dir, 'file-mode'), 'utf8').trim()).toBe('600');
    expect(readFileSync(join(dir, 'dir-mode'), 'utf8').trim()).toBe('700');
    expect(existsSync(edited)).toBe(false);
    expect(readdirSync(temp)).toEqual([]);
    expect(readFileSync(path, 'utf8').split('\n')[0]).toBe('$ANSIBLE_VAULT;1.2;AES256;prod');
    const view = await run(['view', '--vault-id', `prod@${PROD_PW}`, 'prod.yml'], 'true');
    expect(view.stdout).toBe(`${fixture('plaintext/multiline.yml').toString()}added: true\n`);
  });

  it('leaves the file byte for byte alone when nothing changed', async () => {
    const path = put('v.yml', fixture('ansible/multiline.yml.vault'));
    const result = await run(['edit', '--vault-password-file', DEFAULT_PW, 'v.yml'], editor('true'));
    expect(result.code).toBe(0);
    expect(readFileSync(path).equals(fixture('ansible/multiline.yml.vault'))).toBe(true);
  });

  it('saves nothing when the editor fails, and still removes the plaintext', async () => {
    const path = put('v.yml', fixture('ansible/multiline.yml.vault'));
    const result = await run(['edit', '--vault-password-file', DEFAULT_PW, 'v.yml'], editor('echo changed > "$f"; exit 1'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('exited with status 1; nothing was saved');
    expect(readFileSync(path).equals(fixture('ansible/multiline.yml.vault'))).toBe(true);
    expect(readdirSync(temp)).toEqual([]);
  });

  /** Starts an edit and, once the editor is open, sends tsible `signal` (then runs `after`). */
  function editAndSignal(script: string, signal: NodeJS.Signals, after: () => void = () => undefined) {
    return new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      const child = spawn(process.execPath, [TSIBLE_BIN, 'vault', 'edit', '--vault-password-file', DEFAULT_PW, 'v.yml'], {
        cwd: dir,
        env: { ...process.env, EDITOR: script, TMPDIR: temp },
        stdio: 'ignore',
      });
      const poll = setInterval(() => {
        if (existsSync(join(dir, 'dir-mode'))) {
          clearInterval(poll);
          child.kill(signal);
          setTimeout(after, 200);
        }
      }, 20);
      child.on('exit', (code, sig) => {
        clearInterval(poll);
        resolve({ code, signal: sig });
      });
    });
  }

  it('removes the plaintext when terminated while the editor is open', async () => {
    const path = put('v.yml', fixture('ansible/multiline.yml.vault'));
    const { signal } = await editAndSignal(editor('exec sleep 30'), 'SIGTERM');
    expect(signal).toBe('SIGTERM');
    expect(readdirSync(temp)).toEqual([]);
    expect(readFileSync(path).equals(fixture('ansible/multiline.yml.vault'))).toBe(true);
  });

  it('leaves Ctrl-C to the editor, and saves what it writes afterwards', async () => {
    put('v.yml', fixture('ansible/multiline.yml.vault'));
    const go = join(dir, 'go');
    const script = editor(`while [ ! -e "${go}" ]; do sleep 0.05; done\necho "after: interrupt" >> "$f"`);
    const result = await editAndSignal(script, 'SIGINT', () => writeFileSync(go, ''));
    expect(result).toEqual({ code: 0, signal: null });
    expect(readdirSync(temp)).toEqual([]);
    const view = await run(['view', '--vault-password-file', DEFAULT_PW, 'v.yml'], 'true');
    expect(view.stdout).toBe(`${fixture('plaintext/multiline.yml').toString()}after: interrupt\n`);
  });
});

describe('tsible vault create', () => {
  it('encrypts what the editor wrote into a new 0600 file, creating the directory', async () => {
    const result = await run(['create', '--vault-id', `prod@${PROD_PW}`, 'group_vars/all/vault.yml'], editor('printf "token: abc\\n" > "$f"'));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('[WARNING]: group_vars/all does not exist, creating...\n');
    const path = join(dir, 'group_vars/all/vault.yml');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8').split('\n')[0]).toBe('$ANSIBLE_VAULT;1.2;AES256;prod');
    const view = await run(['view', '--vault-id', `prod@${PROD_PW}`, 'group_vars/all/vault.yml'], 'true');
    expect(view.stdout).toBe('token: abc\n');
    expect(readdirSync(temp)).toEqual([]);
  });

  it('refuses an existing file and more than one name', async () => {
    put('v.yml', 'x');
    const exists = await run(['create', '--vault-password-file', DEFAULT_PW, 'v.yml'], editor('true'));
    expect(exists.stderr).toBe("ERROR! v.yml exists, please use 'edit' instead\n");
    const two = await run(['create', '--vault-password-file', DEFAULT_PW, 'a', 'b'], editor('true'));
    expect(two.code).toBe(5);
    expect(two.stderr).toBe('ERROR! tsible vault create can take only one filename argument\n');
  });
});

/** Runs tsible under `script`, so stdout is a terminal; answers the prompt when it shows. */
function onTerminal(args: string, answer?: string): Promise<string> {
  return new Promise<string>((resolve) => {
    const command = `${process.execPath} ${TSIBLE_BIN} ${args}`;
    const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: dir, env: { ...process.env, PAGER: 'cat' } });
    let seen = '';
    let answered = answer === undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (!answered && seen.includes('Vault password: ')) {
        answered = true;
        child.stdin.write(`${answer}\r`);
      }
    });
    child.on('close', () => resolve(seen));
  });
}

describe('on a terminal', () => {
  const hasScript = existsSync('/usr/bin/script');
  (hasScript ? it : it.skip)('encrypt_string ends its block with a newline and says "Encryption successful"', async () => {
    const output = await onTerminal(`vault encrypt_string --vault-password-file ${DEFAULT_PW} -n x value`);
    expect(output).toMatch(/^x: !vault \|\r\n {10}\$ANSIBLE_VAULT;1\.1;AES256\r\n( {10}[0-9a-f]+\r\n)+Encryption successful\r\n$/);
  });

  (hasScript ? it : it.skip)('asks "Vault password: " on the terminal, without echo', async () => {
    put('v.yml', fixture('ansible/multiline.yml.vault'));
    const password = readFileSync(DEFAULT_PW, 'utf8').trim();
    const output = await onTerminal('vault view --ask-vault-pass v.yml', password);
    expect(output).toContain('Vault password: ');
    expect(output).toContain('db_user: app');
    expect(output).not.toContain(password);
  });
});
