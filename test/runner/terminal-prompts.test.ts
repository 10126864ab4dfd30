import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { CLI } from './lab-support.js';
import { PtySession } from './pty-session.js';

/** --step, vars_prompt and pause on a real terminal (a pty), on the local connection. */
describe('questions asked on a terminal', () => {
  let dir: string;
  const sessions: PtySession[] = [];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tsible-tty.'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => sessions.splice(0).forEach((s) => s.kill()));

  const start = (name: string, playbook: string, ...extra: string[]): PtySession => {
    writeFileSync(join(dir, name), playbook);
    const session = new PtySession([process.execPath, CLI, 'playbook', '-i', 'localhost,', '-c', 'local', ...extra, join(dir, name)]);
    sessions.push(session);
    return session;
  };

  it('--step: n skips a task, y runs it, c runs it and the rest without asking', async () => {
    const s = start(
      'step.yml',
      `
- hosts: localhost
  gather_facts: false
  tasks:
    - { name: one, debug: { msg: first } }
    - { name: two, debug: { msg: second } }
    - { name: three, debug: { msg: third } }
    - { name: four, debug: { msg: fourth } }
`,
      '--step',
    );
    let at = await s.expect('Perform task: TASK: one (N)o/(y)es/(c)ontinue: ');
    s.type('y\r');
    at = await s.expect('Perform task: TASK: two (N)o/(y)es/(c)ontinue: ', at);
    s.type('n\r');
    at = await s.expect('Perform task: TASK: three (N)o/(y)es/(c)ontinue: ', at);
    s.type('c\r');
    expect(await s.exit()).toBe(0);
    const out = s.text;
    expect(out).toContain(`\nPerform task: TASK: one (N)o/(y)es/(c)ontinue: ${'*'.repeat(33)}\n`);
    expect(out).toContain('"msg": "first"');
    expect(out).not.toContain('TASK [two]');
    expect(out).not.toContain('"msg": "second"');
    expect(out).toContain('"msg": "third"');
    expect(out).toContain('"msg": "fourth"');
    expect(out).not.toContain('Perform task: TASK: four');
    expect(out).toMatch(/localhost\s+: ok=3 /);
  }, 60_000);

  it('--step without a terminal is an option error (exit 5)', () => {
    writeFileSync(join(dir, 'nostep.yml'), '- hosts: localhost\n  gather_facts: false\n  tasks: []\n');
    const r = spawnSync(process.execPath, [CLI, 'playbook', '-i', 'localhost,', '-c', 'local', '--step', join(dir, 'nostep.yml')], { encoding: 'utf8', input: '' });
    expect(r.status).toBe(5);
    expect(r.stderr).toContain('--step asks before each task and needs a terminal');
  });

  it('vars_prompt asks with the default shown, hides private answers, confirms, encrypts; -e skips the question', async () => {
    const s = start(
      'prompt.yml',
      `
- hosts: localhost
  gather_facts: false
  vars_prompt:
    - name: colour
      prompt: Favourite colour
      default: blue
      private: false
    - name: city
      prompt: City
      private: false
    - name: secret
      prompt: Secret
      confirm: true
    - name: hashed
      prompt: Password
      encrypt: sha512_crypt
      salt_size: 8
    - name: raw
      prompt: Raw
      private: false
      unsafe: true
    - name: given
      prompt: Never asked
  tasks:
    - debug:
        msg: "{{ colour }}|{{ city }}|{{ secret }}|{{ raw }}|{{ given }}|{{ hashed == ('pw' | password_hash('sha512', hashed.split('$')[-2])) }}|{{ hashed.split('$')[-2] | length }}"
`,
      '-e',
      'given=from-e',
    );
    let at = await s.expect('Favourite colour [blue]: ');
    s.type('\r');
    at = await s.expect('City: ', at);
    s.type('Paris\r');
    at = await s.expect('Secret: ', at);
    s.type('s3cret\r');
    at = await s.expect('confirm Secret: ', at);
    s.type('other\r');
    at = await s.expect('***** VALUES ENTERED DO NOT MATCH ****', at);
    at = await s.expect('Secret: ', at);
    s.type('s3cret\r');
    at = await s.expect('confirm Secret: ', at);
    s.type('s3cret\r');
    at = await s.expect('Password: ', at);
    s.type('pw\r');
    at = await s.expect('Raw: ', at);
    s.type('{{ not templated }}\r');
    const code = await s.exit();
    expect(s.text).toContain('"msg": "blue|Paris|s3cret|{{ not templated }}|from-e|True|8"');
    expect(code).toBe(0);
    expect(s.text).toContain('"msg": "blue|Paris|s3cret|{{ not templated }}|from-e|True|8"');
    // Typed text shows for public questions only.
    expect(s.text).toContain('City: Paris\n');
    expect(s.text.split('s3cret').length - 1).toBe(1);
    expect(s.text).not.toContain('Never asked');
  }, 60_000);

  it('pause: a prompt waits for Enter and registers what was typed; echo: false hides it', async () => {
    const s = start(
      'pause.yml',
      `
- hosts: localhost
  gather_facts: false
  tasks:
    - name: ask
      pause:
        prompt: Type a word
      register: typed
    - name: quiet
      pause:
        prompt: Hidden word
        echo: false
      register: hidden
    - debug:
        msg: "{{ typed.user_input }}|{{ hidden.user_input }}|{{ hidden.echo }}"
`,
    );
    let at = await s.expect('[ask]\nType a word:');
    s.type('hello\r');
    at = await s.expect('[quiet]\nHidden word (output is hidden):', at);
    s.type('whisper\r');
    expect(await s.exit()).toBe(0);
    expect(s.text).toContain('"msg": "hello|whisper|False"');
    expect(s.text.slice(0, s.text.indexOf('"msg"'))).toContain('hello');
    expect(s.text.slice(0, s.text.indexOf('"msg"'))).not.toContain('whisper');
  }, 60_000);

  it('pause: Ctrl-C then C ends a wait early, Ctrl-C then A aborts the task', async () => {
    const s = start(
      'wait.yml',
      `
- hosts: localhost
  gather_facts: false
  tasks:
    - name: long wait
      pause:
        minutes: 5
    - name: another
      pause:
        seconds: 300
    - debug: msg=never
`,
    );
    const started = Date.now();
    let at = await s.expect("(ctrl+C then 'C' = continue early, ctrl+C then 'A' = abort)");
    s.type('\u0003');
    at = await s.expect("Press 'C' to continue the play or 'A' to abort", at);
    s.type('c');
    at = await s.expect('TASK [another]', at);
    at = await s.expect("(ctrl+C then 'C' = continue early, ctrl+C then 'A' = abort)", at);
    s.type('\u0003');
    at = await s.expect("Press 'C' to continue the play or 'A' to abort", at);
    s.type('a');
    await s.expect('PLAY RECAP', at);
    expect(await s.exit()).toBe(2);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(s.text).toContain('fatal: [localhost]: FAILED! => {"msg": "user requested abort!"}');
    expect(s.text).toMatch(/localhost\s+: ok=1 +changed=0 +unreachable=0 +failed=1/);
  }, 60_000);

  it('Ctrl-C at a question ends the run as interrupted (exit 99)', async () => {
    const s = start('stepint.yml', '- hosts: localhost\n  gather_facts: false\n  tasks:\n    - { name: one, debug: { msg: first } }\n', '--step');
    await s.expect('Perform task: TASK: one (N)o/(y)es/(c)ontinue: ');
    s.type('\u0003');
    expect(await s.exit()).toBe(99);
    expect(s.text).toContain('User interrupted execution');
    expect(s.text).not.toContain('"msg": "first"');
  }, 60_000);
});
