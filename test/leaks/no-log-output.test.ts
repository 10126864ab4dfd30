/**
 * no_log and vault masking as a user sees them, on the local connection (no
 * lab needed): play, block, task and loop no_log, retries, failures and
 * connection logs, in the default, verbose and JSON output.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Vault } from '../../packages/engine/src/vault/vault.js';
import { VaultSecret } from '../../packages/engine/src/vault/secrets/vault-secret.js';

const CLI = fileURLToPath(new URL('../../packages/engine/bin/tsible.js', import.meta.url));
const NO_LOG_TEXT = "the output has been hidden due to the fact that 'no_log: true' was specified for this result";
const HIDDEN = ['play-level-hidden', 'block-level-hidden', 'loop-item-hidden', 'templated-no-log-hidden', 'retry-hidden', 'failure-hidden'];
const VAULTED = 'vaulted-value-shown-masked';
const WHOLE_FILE = 'whole-file-vaulted-value';

const PLAYBOOK = `
- name: play no_log
  hosts: local
  gather_facts: false
  no_log: true
  tasks:
    - shell: echo play-level-hidden
- name: block, loop and task no_log
  hosts: local
  gather_facts: false
  tasks:
    - block:
        - shell: echo block-level-hidden
        - debug:
            msg: "{{ item }}"
          loop: [loop-item-hidden]
      no_log: true
    - shell: echo templated-no-log-hidden
      no_log: "{{ hide | default(true) }}"
    - shell: echo retry-hidden
      register: r
      until: r.stdout == 'never'
      retries: 1
      delay: 0
      no_log: true
      ignore_errors: true
    - fail:
        msg: failure-hidden
      no_log: true
      ignore_errors: true
    - debug:
        msg: "vaulted: {{ vaulted }}"
    - debug:
        msg: "whole file: {{ whole_file_secret }}"
    - fail:
        msg: "failed with {{ vaulted }}"
      ignore_errors: true
    - shell: echo shown-without-no-log
`;

describe('no_log and vault masking in every output mode', () => {
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tsible-no-log.'));
    const secret = new VaultSecret('default', Buffer.from('no-log-test'));
    const inline = (await new Vault().encrypt(VAULTED, secret)).trim().split('\n').map((l) => `  ${l}`).join('\n');
    writeFileSync(join(dir, 'vars.yml'), `vaulted: !vault |\n${inline}\n`);
    writeFileSync(join(dir, 'whole.yml'), await new Vault().encrypt(`whole_file_secret: ${WHOLE_FILE}\n`, secret));
    writeFileSync(join(dir, 'pass'), 'no-log-test\n');
    writeFileSync(join(dir, 'hosts'), '[local]\nlocalhost ansible_connection=local\n');
    writeFileSync(join(dir, 'site.yml'), PLAYBOOK);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (extra: string[], env: NodeJS.ProcessEnv = {}, playbook = 'site.yml') =>
    spawnSync(process.execPath, [CLI, 'playbook', '-i', 'hosts', '-e', '@vars.yml', '-e', '@whole.yml', '--vault-password-file', 'pass', ...extra, playbook], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', ...env },
      timeout: 60_000,
    });

  it.each([[[]], [['-v']], [['-vvv']], [['-vvvv']], [['--json']], [['--diff', '-vvv']]])('%j hides every no_log value and masks vault values', (extra) => {
    const r = run(extra);
    const output = `${r.stdout}${r.stderr}`;
    expect(r.status).toBe(0);
    expect(HIDDEN.filter((h) => output.includes(h))).toEqual([]);
    expect(output).not.toContain(VAULTED);
    expect(output).not.toContain(WHOLE_FILE);
    expect(output).toContain('"msg": "whole file: ********"');
    expect(output).toContain('"msg": "vaulted: ********"');
    expect(output).toContain('failed with ********');
    if (extra.length > 0) expect(output).toContain(NO_LOG_TEXT);
    if (extra.includes('-vvv')) {
      expect(output).toContain("EXEC <command hidden: 'no_log: true' was specified>");
      expect(output).toContain('shown-without-no-log');
    }
  });

  it('facts set under no_log (set_fact, include_vars, in a loop too) are still set', () => {
    writeFileSync(join(dir, 'facts.yml'), 'hidden_included: included-under-no-log\n');
    writeFileSync(
      join(dir, 'no-log-facts.yml'),
      `- hosts: local
  gather_facts: false
  tasks:
    - set_fact: hidden_fact=set-under-no-log
      no_log: true
    - include_vars: facts.yml
      no_log: true
    - set_fact:
        looped_a: "in-a-{{ item }}"
      loop: [loop]
      no_log: true
    - debug: msg="{{ hidden_fact }} {{ hidden_included }} {{ looped_a }}"
`,
    );
    const r = spawnSync(process.execPath, [CLI, 'playbook', '-i', 'hosts', 'no-log-facts.yml'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('"msg": "set-under-no-log included-under-no-log in-a-loop"');
  });

  it('writes no retry file and no fact cache, even when Ansible settings ask for them', () => {
    writeFileSync(join(dir, 'failing.yml'), `- hosts: local\n  gather_facts: true\n  tasks:\n    - set_fact:\n        cacheable: true\n        kept: "{{ vaulted }}"\n    - fail: msg="{{ vaulted }}"\n`);
    const cache = mkdtempSync(join(tmpdir(), 'tsible-fact-cache.'));
    const before = readdirSync(dir).sort();
    try {
      const settings = { ANSIBLE_RETRY_FILES_ENABLED: '1', ANSIBLE_CACHE_PLUGIN: 'jsonfile', ANSIBLE_CACHE_PLUGIN_CONNECTION: cache, ANSIBLE_GATHERING: 'smart' };
      const r = run([], settings, 'failing.yml');
      expect(r.status).toBe(2);
      expect(`${r.stdout}${r.stderr}`).not.toContain(VAULTED);
      expect(readdirSync(dir).sort()).toEqual(before);
      expect(readdirSync(cache)).toEqual([]);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it('the loop label of a no_log item is None, as in Ansible', () => {
    expect(run([]).stdout).toContain('ok: [localhost] => (item=None)');
  });

  it('TSIBLE_MASK_SECRETS=0 prints vault values as Ansible does, and no_log still hides', () => {
    const r = run(['-v'], { TSIBLE_MASK_SECRETS: '0' });
    expect(r.stdout).toContain(`"msg": "vaulted: ${VAULTED}"`);
    expect(HIDDEN.filter((h) => r.stdout.includes(h))).toEqual([]);
  });
});
