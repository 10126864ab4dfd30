/**
 * Vaulted files read outside vars_files and -e: a vaulted inventory, vaulted
 * group_vars/host_vars, files include_vars reads at run time, and -e @file
 * under --syntax-check. Their values work and print as `********` (local
 * connection, no lab needed).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Vault } from '../../packages/engine/src/vault/vault.js';
import { VaultSecret } from '../../packages/engine/src/vault/secrets/vault-secret.js';

const CLI = fileURLToPath(new URL('../../packages/engine/bin/tsible.js', import.meta.url));
const PASSWORD = 'vaulted-sources-test';
const SECRETS = {
  inventory: 'inventory-file-secret-value',
  groupVars: 'group-vars-secret-value',
  hostVars: 'host-vars-secret-value',
  included: 'include-vars-whole-file-secret',
  inline: 'include-vars-inline-secret',
  extra: 'extra-vars-file-secret',
  copied: 'copied-file-secret',
  templated: 'templated-file-secret',
};

const PLAYBOOK = `
- name: vaulted sources
  hosts: all
  gather_facts: false
  tasks:
    - debug:
        msg: "inventory={{ inv_secret }} group={{ gv_secret }} host={{ hv_secret }} extra={{ ev_secret }}"
    - include_vars: included.yml
    - include_vars:
        file: inline.yml
    - debug:
        msg: "included={{ iv_secret }} inline={{ iv_inline }}"
    - copy:
        content: "{{ iv_secret }} {{ iv_inline }} {{ inv_secret }} {{ gv_secret }}\\n"
        dest: "{{ out }}/values.txt"
    - copy:
        src: copied.txt
        dest: "{{ out }}/copied.txt"
    - template:
        src: secret.j2
        dest: "{{ out }}/templated.txt"
`;

describe('vaulted inventory, group_vars, host_vars and include_vars files', () => {
  let dir: string;
  let out: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tsible-vaulted-sources.'));
    out = join(dir, 'out');
    mkdirSync(out);
    const vault = new Vault();
    const secret = new VaultSecret('default', Buffer.from(PASSWORD));
    const encrypt = (text: string): Promise<string> => vault.encrypt(text, secret);
    mkdirSync(join(dir, 'group_vars'));
    mkdirSync(join(dir, 'host_vars'));
    writeFileSync(join(dir, 'hosts.yml'), await encrypt(`all:\n  hosts:\n    localhost:\n      ansible_connection: local\n      inv_secret: ${SECRETS.inventory}\n`));
    writeFileSync(join(dir, 'group_vars', 'all.yml'), await encrypt(`gv_secret: ${SECRETS.groupVars}\n`));
    writeFileSync(join(dir, 'host_vars', 'localhost.yml'), await encrypt(`hv_secret: ${SECRETS.hostVars}\n`));
    writeFileSync(join(dir, 'included.yml'), await encrypt(`iv_secret: ${SECRETS.included}\n`));
    const inline = (await encrypt(SECRETS.inline)).trim().split('\n').map((l) => `  ${l}`).join('\n');
    writeFileSync(join(dir, 'inline.yml'), `iv_inline: !vault |\n${inline}\n`);
    writeFileSync(join(dir, 'extra.yml'), await encrypt(`ev_secret: ${SECRETS.extra}\n`));
    writeFileSync(join(dir, 'copied.txt'), await encrypt(`${SECRETS.copied}\n`));
    writeFileSync(join(dir, 'secret.j2'), await encrypt(`${SECRETS.templated} for {{ inventory_hostname }}\n`));
    writeFileSync(join(dir, 'pass'), `${PASSWORD}\n`);
    writeFileSync(join(dir, 'wrong-pass'), 'not-the-password\n');
    writeFileSync(join(dir, 'plain.ini'), 'localhost ansible_connection=local\n');
    writeFileSync(join(dir, 'site.yml'), PLAYBOOK);
    // Beside no vaulted group_vars: only include_vars meets a vaulted file.
    mkdirSync(join(dir, 'plain'));
    for (const file of ['included.yml', 'inline.yml', 'plain.ini', 'wrong-pass']) copyFileSync(join(dir, file), join(dir, 'plain', file));
    writeFileSync(join(dir, 'plain', 'include-only.yml'), PLAYBOOK.replace(/    - debug:\n        msg: "inventory[^\n]*\n/, ''));
    // Inline !vault in group_vars, for ad-hoc runs.
    mkdirSync(join(dir, 'adhoc', 'group_vars'), { recursive: true });
    writeFileSync(join(dir, 'adhoc', 'group_vars', 'all.yml'), `gv_inline: !vault |\n${(await encrypt(SECRETS.groupVars)).trim().split('\n').map((l) => `  ${l}`).join('\n')}\n`);
    for (const file of ['plain.ini', 'pass']) copyFileSync(join(dir, file), join(dir, 'adhoc', file));
    writeFileSync(join(dir, 'plain', 'inline-only.yml'), '- hosts: all\n  gather_facts: false\n  tasks:\n    - include_vars: inline.yml\n    - debug: msg="{{ iv_inline }}"\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const tsible = (args: string[], cwd = dir) => {
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
    return { code: r.status, output: `${r.stdout}${r.stderr}` };
  };
  const playbook = (extra: string[]) => tsible(['playbook', '-i', 'hosts.yml', '-e', '@extra.yml', '-e', `out=${out}`, '--vault-password-file', 'pass', ...extra, 'site.yml']);

  it.each([[[]], [['-v']], [['-vvvv']], [['--json']]])('%j uses every vaulted value and prints each as ********', (extra) => {
    const r = playbook(extra);
    expect(r.code).toBe(0);
    expect(Object.values(SECRETS).filter((s) => r.output.includes(s))).toEqual([]);
    expect(r.output).toContain('inventory=******** group=******** host=******** extra=********');
    expect(r.output).toContain('included=******** inline=********');
    // Host names are not masked even though the vaulted inventory sets ansible_connection: local.
    expect(r.output).toMatch(/localhost/);
    expect(r.output).not.toMatch(/\*{8}host/);
  });

  it('really decrypted them: the values and a vaulted copy src reach the files on the host', () => {
    rmSync(join(out, 'values.txt'), { force: true });
    expect(playbook([]).code).toBe(0);
    const written = spawnSync('cat', [join(out, 'values.txt')], { encoding: 'utf8' }).stdout;
    expect(written).toBe(`${SECRETS.included} ${SECRETS.inline} ${SECRETS.inventory} ${SECRETS.groupVars}\n`);
    // copy decrypts a vaulted src, as Ansible's copy does.
    expect(spawnSync('cat', [join(out, 'copied.txt')], { encoding: 'utf8' }).stdout).toBe(`${SECRETS.copied}\n`);
    // template opens a vaulted src too, then renders it.
    expect(spawnSync('cat', [join(out, 'templated.txt')], { encoding: 'utf8' }).stdout).toBe(`${SECRETS.templated} for localhost\n`);
  });

  it('hides the result of a vaulted include_vars file as Ansible does', () => {
    const r = playbook(['-v']);
    expect(r.output).toMatch(/TASK \[include_vars\] \*+\nok: \[localhost\] => \{"censored": "the output has been hidden due to the fact that 'no_log: true' was specified for this result", "changed": false\}/);
  });

  it('ad-hoc runs mask values from a vaulted inventory and group_vars too', () => {
    const r = tsible(['run', 'all', '-i', 'hosts.yml', '--vault-password-file', 'pass', '-m', 'ping', '-a', 'data={{ inv_secret }}-{{ gv_secret }}-{{ hv_secret }}']);
    expect(r.code).toBe(0);
    expect(r.output).toContain('"ping": "********-********-********"');
  });

  it('ad-hoc runs open inline !vault values of group_vars; without a password only a task that uses one fails', () => {
    const cwd = join(dir, 'adhoc');
    const used = tsible(['run', 'all', '-i', 'plain.ini', '--vault-password-file', 'pass', '-m', 'ping', '-a', 'data={{ gv_inline }}'], cwd);
    expect(used).toMatchObject({ code: 0 });
    expect(used.output).toContain('"ping": "********"');
    expect(tsible(['run', 'all', '-i', 'plain.ini', '-m', 'ping'], cwd)).toMatchObject({ code: 0 });
    const missing = tsible(['run', 'all', '-i', 'plain.ini', '-m', 'ping', '-a', 'data={{ gv_inline }}'], cwd);
    expect(missing.code).toBe(2);
    expect(missing.output).toContain(`Attempting to decrypt but no vault secrets found on ${join(cwd, 'group_vars', 'all.yml')}`);
  });

  it('a vaulted inventory without a password is a clear error naming the file', () => {
    const r = tsible(['playbook', '-i', 'hosts.yml', 'site.yml']);
    expect(r.code).not.toBe(0);
    expect(r.output).toContain(`Attempting to decrypt but no vault secrets found on ${join(dir, 'hosts.yml')}`);
  });

  it.each([
    ['a wrong password', ['--vault-password-file', 'wrong-pass'], `Decryption failed (no vault secrets were found that could decrypt) on ${'<dir>'}/included.yml`],
    ['no password', [], `Attempting to decrypt but no vault secrets found on ${'<dir>'}/included.yml`],
  ])('include_vars with %s fails that task, naming the file', (_what, extra, message) => {
    const r = tsible(['playbook', '-i', 'plain.ini', '-e', `out=${out}`, ...extra, 'include-only.yml'], join(dir, 'plain'));
    expect(r.code).toBe(2);
    expect(r.output).toContain(`fatal: [localhost]: FAILED! => {"ansible_facts": {}, "ansible_included_var_files": [], "changed": false, "message": "${message.replace('<dir>', join(dir, 'plain'))}"}`);
    expect(r.output).toMatch(/localhost\s+: ok=0 +changed=0 +unreachable=0 +failed=1/);
  });

  it('inline values from include_vars that the password cannot open fail the task that uses them, as in Ansible', () => {
    const r = tsible(['playbook', '-i', 'plain.ini', '--vault-password-file', 'wrong-pass', 'inline-only.yml'], join(dir, 'plain'));
    expect(r.code).toBe(2);
    expect(r.output).toMatch(/TASK \[include_vars\] \*+\nok: \[localhost\]/);
    expect(r.output).toContain(`TASK [debug] ****`);
    expect(r.output).toContain(`fatal: [localhost]: FAILED! => {"msg": "Decryption failed (no vault secrets were found that could decrypt) on ${join(dir, 'plain', 'inline.yml')}`);
  });

  it('--syntax-check reads a vaulted -e @file with the vault password options', () => {
    const ok = tsible(['playbook', '-i', 'hosts.yml', '-e', '@extra.yml', '--vault-password-file', 'pass', '--syntax-check', 'site.yml']);
    expect(ok).toEqual({ code: 0, output: '\nplaybook: site.yml\n' });
    const missing = tsible(['playbook', '-i', 'plain.ini', '-e', '@extra.yml', '--syntax-check', 'site.yml']);
    expect(missing.code).not.toBe(0);
    expect(missing.output).toContain(`Attempting to decrypt but no vault secrets found on ${join(dir, 'extra.yml')}`);
  });
});
