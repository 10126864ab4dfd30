// Decrypting 1,000 inline `!vault` values (one password, a fresh salt each, as
// ansible-vault encrypt_string makes them): tsible next to Ansible.
//   node --import ./bench/register-ts.mjs bench/vault.ts [count]
// The Ansible side runs when ansible-core is installed and is skipped otherwise.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Vault, VaultSecret, VaultSecrets } from '../packages/engine/src/index.js';

const COUNT = Number(process.argv[2] ?? 1000);
const PASSWORD = 'bench password';
const ANSIBLE_PYTHON = '/usr/bin/python3';

const work = mkdtempSync(join(tmpdir(), 'tsible-vault-bench-'));
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

function indent(envelope: string): string {
  return envelope.split('\n').filter((l) => l !== '').map((l) => `  ${l}`).join('\n');
}

async function makeValues(): Promise<string[]> {
  const secret = new VaultSecret('default', Buffer.from(PASSWORD));
  const vault = new Vault(new VaultSecrets([secret]));
  return Promise.all(Array.from({ length: COUNT }, (_, i) => vault.encrypt(`value ${i}`, secret)));
}

/** Wall time, and the worst event-loop stall meanwhile (what SSH sessions would feel). */
async function timeTsible(values: string[]): Promise<{ ms: number; maxStallMs: number }> {
  // A fresh secret: no key is cached, every value pays its PBKDF2 run.
  const vault = new Vault(new VaultSecrets([new VaultSecret('default', Buffer.from(PASSWORD))]));
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const start = performance.now();
  const plain = await Promise.all(values.map((ciphertext, i) => vault.decryptText({ ciphertext, location: { file: 'vars.yml', line: i + 1, column: 1 } })));
  const ms = performance.now() - start;
  loop.disable();
  if (plain[COUNT - 1] !== `value ${COUNT - 1}`) throw new Error('tsible decrypted a wrong value');
  return { ms, maxStallMs: loop.max / 1e6 };
}

function run(command: string, args: string[]): { ok: boolean; out: string; ms: number } {
  const start = performance.now();
  const r = spawnSync(command, args, { cwd: work, encoding: 'utf8', env: { ...process.env, ANSIBLE_NOCOLOR: '1' } });
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}`, ms: performance.now() - start };
}

function ansibleAvailable(): boolean {
  return existsSync(ANSIBLE_PYTHON) && spawnSync(ANSIBLE_PYTHON, ['-c', 'import ansible.parsing.vault'], { stdio: 'ignore' }).status === 0;
}

async function main(): Promise<void> {
  const values = await makeValues();
  const names = values.map((_, i) => `secret_${String(i).padStart(4, '0')}`);
  writeFileSync(join(work, 'values.txt'), values.join('\0'));
  writeFileSync(join(work, 'pw'), `${PASSWORD}\n`);
  writeFileSync(join(work, 'vars.yml'), `names: ${JSON.stringify(names)}\n${values.map((v, i) => `${names[i]}: !vault |\n${indent(v)}`).join('\n')}\n`);

  console.log(`Decrypting ${COUNT} inline vault values (one password, ${COUNT} salts)`);
  const tsible = await timeTsible(values);
  console.log(`  tsible Vault.decryptText, concurrent:          ${seconds(tsible.ms)} (${(tsible.ms / COUNT).toFixed(1)} ms/value; longest event-loop stall ${tsible.maxStallMs.toFixed(0)} ms)`);

  if (!ansibleAvailable()) {
    console.log('  Ansible side skipped: ansible-core (python3 -c "import ansible") is not installed');
    return;
  }
  const py = run(ANSIBLE_PYTHON, [
    '-c',
    [
      'import sys, time',
      'from ansible.parsing.vault import VaultLib, VaultSecret',
      `vault = VaultLib([("default", VaultSecret(b"${PASSWORD}"))])`,
      'values = open("values.txt", "rb").read().split(b"\\0")',
      't = time.perf_counter()',
      'plain = [vault.decrypt(v) for v in values]',
      'print((time.perf_counter() - t) * 1000)',
    ].join('\n'),
  ]);
  if (!py.ok) throw new Error(py.out);
  const pyMs = Number(py.out.trim());
  console.log(`  Ansible VaultLib.decrypt (in-process python):   ${seconds(pyMs)} (${(pyMs / COUNT).toFixed(1)} ms/value)`);

  writeFileSync(
    join(work, 'play.yml'),
    '- hosts: localhost\n  gather_facts: false\n  vars_files: [vars.yml]\n  tasks:\n    - debug:\n        msg: "{{ query(\'vars\', *names) | join(\',\') | length }}"\n',
  );
  const playbook = run('ansible-playbook', ['-i', 'localhost,', '-c', 'local', '--vault-password-file', 'pw', 'play.yml']);
  const joinedLength = values.reduce((n, _v, i) => n + `value ${i}`.length, COUNT - 1);
  if (!playbook.ok || !playbook.out.includes(`"msg": "${joinedLength}"`)) throw new Error(playbook.out);
  console.log(`  ansible-playbook, debug over all values (whole run): ${seconds(playbook.ms)}`);
}

main()
  .finally(() => rmSync(work, { recursive: true, force: true }))
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
