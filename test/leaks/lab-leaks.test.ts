/**
 * Secrets must not escape: a playbook and ad-hoc runs on a lab host carry
 * unique canary secrets (a vaulted value, a become/SSH password set on the
 * reserved host, a value read on the target under no_log). While they run,
 * every process's argv and environment on this machine and inside the lab
 * hosts is sampled; afterwards all output, the JSON report and the temp
 * dirs on both sides are searched for the canaries. Zero hits required.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Vault } from '../../packages/engine/src/vault/vault.js';
import { VaultSecret } from '../../packages/engine/src/vault/secrets/vault-secret.js';
import { describeLab, labInfo, sshRun, useLabHosts } from '../lab/lab.js';
import type { LabHost } from '../../packages/engine/src/lab/index.js';
import { ProcSampler } from './proc-sampler.js';

const CLI = fileURLToPath(new URL('../../packages/engine/bin/tsible.js', import.meta.url));
const NO_LOG_TEXT = "the output has been hidden due to the fact that 'no_log: true' was specified for this result";

const canary = (kind: string): string => `tsible-canary-${kind}-${randomBytes(6).toString('hex')}`;
const VAULT_CANARY = canary('vault');
const BECOME_CANARY = canary('become');
const NO_LOG_CANARY = canary('nolog');
const CANARIES = [VAULT_CANARY, BECOME_CANARY, NO_LOG_CANARY];
const VAULT_PASSWORD = 'leak-test-vault-password';

interface CliRun {
  code: number;
  output: string;
}

/** Runs the CLI without blocking this process, so the sampler keeps sampling. */
function tsible(args: readonly string[], cwd: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, output });
    });
  });
}

const PLAYBOOK = `
- name: secrets at work
  hosts: target
  gather_facts: true
  vars_files:
    - secrets.yml
    - token.yml
  vars:
    ansible_password: "{{ login_secret }}"
    ansible_become_password: "{{ login_secret }}"
  tasks:
    - name: the vaulted token goes into a file as root (become with a password)
      copy:
        content: "token={{ api_token }}\\n"
        dest: /root/app.conf
        mode: "0600"
      become: true
    - name: the token in a debug message is masked
      debug:
        msg: "token is {{ api_token }}"
    - name: a target-side secret read under no_log
      command: cat /root/nolog.txt
      become: true
      register: hidden
      no_log: true
    - name: looping over secrets under no_log
      debug:
        msg: "{{ item }}"
      loop:
        - "{{ hidden.stdout }}"
        - "{{ api_token }}"
      no_log: true
    - name: retried under no_log
      command: cat /root/nolog.txt
      become: true
      register: again
      until: again.stdout == 'never'
      retries: 1
      delay: 0
      no_log: true
      ignore_errors: true
    - name: a failing module whose error embeds the token
      copy:
        src: "/nonexistent/{{ api_token }}"
        dest: /tmp/never
      ignore_errors: true
    - name: a failing template that embeds the token
      debug:
        msg: "{{ api_token ~ missing_variable }}"
      ignore_errors: true
    - name: a failure message naming the no_log secret, itself under no_log
      fail:
        msg: "bad value {{ hidden.stdout }}"
      no_log: true
      ignore_errors: true
    - name: the token reaches the target through a template, not argv
      copy:
        content: "{{ api_token }}"
        dest: /home/tester2/token.txt
    - name: module arguments carrying the token (a path and a line) stay out of the process list
      lineinfile:
        path: "/home/tester2/{{ api_token }}.conf"
        line: "token={{ api_token }}"
        create: true
    - name: a directory named after the token
      file:
        path: "/home/tester2/{{ api_token }}.d"
        state: directory
    - name: a password hash carrying the token
      user:
        name: leakuser
        password: "$6$leaksalt\${{ api_token }}"
      become: true
`;

function inventory(host: LabHost): string {
  const state = labInfo();
  return [
    '[target]',
    `${host.name} ansible_host=${host.address} ansible_user=tester2`,
    '',
    '[target:vars]',
    `ansible_ssh_common_args='-o UserKnownHostsFile=${state.knownHostsFile} -o StrictHostKeyChecking=yes'`,
    '',
  ].join('\n');
}

/** Files under `dir` changed since `since` (bounded depth and size) that contain a canary. */
function filesWithCanaries(dir: string, since: number, skip: readonly string[], depth = 6): string[] {
  const found: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return found;
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (skip.some((s) => path === s || path.startsWith(`${s}/`))) continue;
    let st;
    try {
      st = statSync(path);
    } catch {
      continue;
    }
    if (st.isDirectory()) {
      if (depth > 0) found.push(...filesWithCanaries(path, since, skip, depth - 1));
    } else if (st.isFile() && st.mtimeMs >= since && st.size < 4_000_000) {
      try {
        const text = readFileSync(path, 'latin1');
        if (CANARIES.some((c) => text.includes(c))) found.push(path);
      } catch {
        // unreadable (a socket's sibling, a file being removed)
      }
    }
  }
  return found;
}

describeLab('secrets never leak', () => {
  const reserved = useLabHosts(1);
  let inputs: string;
  let started: number;
  const sampler = new ProcSampler(CANARIES);
  const outputs: Array<{ mode: string; run: CliRun }> = [];

  beforeAll(async () => {
    const [host] = reserved() as [LabHost];
    // The canaries reach the host before sampling starts; this setup is not under test.
    const setup = await sshRun(host, `echo 'tester2:${BECOME_CANARY}' | chpasswd && printf %s '${NO_LOG_CANARY}' > /root/nolog.txt && chmod 600 /root/nolog.txt`);
    expect(setup.code).toBe(0);
    inputs = mkdtempSync(join(tmpdir(), 'tsible-leak-inputs.'));
    const secret = new VaultSecret('default', Buffer.from(VAULT_PASSWORD));
    const vault = new Vault();
    const inlineToken = (await vault.encrypt(VAULT_CANARY, secret)).trim().split('\n').map((l) => `  ${l}`).join('\n');
    // A whole-file vaulted vars file and a plain one with an inline !vault value.
    writeFileSync(join(inputs, 'secrets.yml'), await vault.encrypt(`login_secret: ${BECOME_CANARY}\n`, secret));
    writeFileSync(join(inputs, 'token.yml'), `api_token: !vault |\n${inlineToken}\n`);
    writeFileSync(join(inputs, 'vault-pass'), `${VAULT_PASSWORD}\n`);
    writeFileSync(join(inputs, 'become-pass'), `${BECOME_CANARY}\n`);
    writeFileSync(join(inputs, 'site.yml'), PLAYBOOK);
    writeFileSync(join(inputs, 'hosts.ini'), inventory(host));
    started = Date.now();
    sampler.start();
    const playbook = (extra: string[]): string[] => ['playbook', '-i', 'hosts.ini', '--vault-password-file', 'vault-pass', ...extra, 'site.yml'];
    for (const [mode, args] of [
      ['default', playbook([])],
      ['-v', playbook(['-v'])],
      ['-vvv', playbook(['-vvv'])],
      ['-vvvv', playbook(['-vvvv'])],
      ['--json', playbook(['--json'])],
      ['--diff -v', playbook(['--diff', '-v'])],
    ] as const) {
      outputs.push({ mode, run: await tsible(args, inputs) });
    }
    const adhoc = ['run', 'target', '-i', 'hosts.ini', '--connection-password-file', 'become-pass', '--become-password-file', 'become-pass', '-b'];
    // Ad-hoc: become with a password file, and a vaulted -e value that comes back in a result (ping's data).
    outputs.push({ mode: 'ad-hoc become -vvvv', run: await tsible([...adhoc, '-m', 'command', '-a', 'id -un', '-vvvv'], inputs) });
    const ping = ['-m', 'ping', '-a', 'data={{ api_token }}', '-e', '@token.yml', '--vault-password-file', 'vault-pass'];
    outputs.push({ mode: 'ad-hoc vaulted extra vars', run: await tsible([...adhoc, ...ping, '-v'], inputs) });
    outputs.push({ mode: 'ad-hoc json', run: await tsible([...adhoc, ...ping, '--json'], inputs) });
    sampler.stop();
  }, 600_000);

  afterAll(() => {
    sampler.stop();
    if (inputs) rmSync(inputs, { recursive: true, force: true });
  });

  it('the runs did their work (so the secrets were really used)', async () => {
    const [host] = reserved() as [LabHost];
    for (const { mode, run } of outputs) expect({ mode, code: run.code, tail: run.output.slice(-600) }).toEqual({ mode, code: 0, tail: expect.any(String) });
    const conf = await sshRun(host, 'cat /root/app.conf');
    expect(conf.stdout).toBe(`token=${VAULT_CANARY}\n`);
    const args = await sshRun(host, `cat /home/tester2/${VAULT_CANARY}.conf; test -d /home/tester2/${VAULT_CANARY}.d && grep -c '^leakuser:[$]6[$]leaksalt[$]${VAULT_CANARY}:' /etc/shadow`);
    expect(args.stdout).toBe(`token=${VAULT_CANARY}\n1\n`);
    const byMode = Object.fromEntries(outputs.map((o) => [o.mode, o.run.output]));
    expect(byMode['default']).toContain('token is ********');
    expect(byMode['-v']).toContain(NO_LOG_TEXT);
    expect(byMode['ad-hoc become -vvvv']).toMatch(/CHANGED \| rc=0 >>\nroot/);
    expect(byMode['ad-hoc vaulted extra vars']).toContain('"ping": "********"');
    expect(byMode['ad-hoc json']).toContain('"ping": "********"');
  });

  it('no canary in any output, in any mode', () => {
    for (const { mode, run } of outputs) {
      const leaked = CANARIES.filter((c) => run.output.includes(c));
      expect({ mode, leaked }).toEqual({ mode, leaked: [] });
    }
  });

  it('no canary in any argv or environment, on the controller or the lab host', () => {
    expect(sampler.samples).toBeGreaterThan(20);
    // The sampler did see the lab host's side: the become (sudo) processes and module scripts run there.
    expect([...sampler.commandLines].some((line) => line.includes('sudo'))).toBe(true);
    expect([...sampler.commandLines].some((line) => /^sh (-s|-c read -r n t p)/.test(line))).toBe(true);
    expect(sampler.hits).toEqual([]);
  });

  it("no canary in the controller's temp dirs or ~/.ansible", () => {
    const skip = [inputs, labInfo().stateDir];
    expect(filesWithCanaries(tmpdir(), started, skip)).toEqual([]);
    expect(filesWithCanaries(join(homedir(), '.ansible'), started, skip)).toEqual([]);
  });

  it("no canary in the target's temp dirs", async () => {
    const [host] = reserved() as [LabHost];
    const scan = await sshRun(host, `grep -rlF -e '${CANARIES.join("' -e '")}' /tmp /var/tmp /root/.ansible /home/tester2/.ansible 2>/dev/null; true`);
    expect(scan.stdout).toBe('');
  });
});
