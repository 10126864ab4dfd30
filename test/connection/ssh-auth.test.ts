import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { describeLab, publicHosts } from '../lab/lab.js';
import { ansibleMessages } from './support/ansible-messages.js';
import { connectionPool, isolatedHome, labTarget, targetVars, type SshTarget } from './support/targets.js';

const whoami = { argv: ['id', '-un'] };

describeLab('ssh authentication', () => {
  // Logging in changes nothing: host 1 serves read-only.
  let target: SshTarget;
  const home = isolatedHome();
  const pool = connectionPool();
  beforeAll(() => {
    target = labTarget(publicHosts()[0]!, 'tester2');
  });
  afterAll(async () => {
    await pool.closeAll();
    home.cleanup();
  });

  it('logs in with a private key file', async () => {
    const c = pool.open('key', targetVars(target), home.settings());
    const result = await c.run(whoami);
    expect(result.stdout.toString()).toBe(`${target.user}\n`);
  });

  it('logs in with ansible_password (password / keyboard-interactive) when no key works', async () => {
    const vars = targetVars(target, { ansible_ssh_private_key_file: join(home.home, 'missing-key'), ansible_password: target.password });
    const result = await pool.open('password', vars, home.settings()).run(whoami);
    expect(result.stdout.toString()).toBe(`${target.user}\n`);
  });

  it('fails UNREACHABLE with Permission denied on a wrong password, naming the methods the server offers', async () => {
    const vars = targetVars(target, { ansible_ssh_private_key_file: join(home.home, 'missing-key'), ansible_password: 'wrong-password' });
    const error = await pool.open('badpass', vars, home.settings()).run(whoami).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'TSIBLE_UNREACHABLE' });
    expect((error as Error).message).toMatch(new RegExp(`^Failed to connect to the host via ssh: ${target.user}@${target.address}: Permission denied \\(.*password.*\\)`));
    expect((error as Error).message).not.toContain('wrong-password');
  }, 20_000);

  it('fails with the same Permission denied message as Ansible when the key is not accepted', async () => {
    const stranger = join(home.home, 'stranger-key');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', stranger]);
    const error = await pool.open('stranger', targetVars(target, { ansible_ssh_private_key_file: stranger }), home.settings()).connect().catch((e: unknown) => e);
    expect(error).toMatchObject({ message: ansibleMessages().permission_denied.replace('{host}', target.address) });
  });

  describe('through ssh-agent', () => {
    let agent: ChildProcess | undefined;
    const socket = join(home.home, 'agent.sock');

    beforeAll(async () => {
      agent = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' });
      for (let i = 0; i < 50 && !existsSync(socket); i += 1) await new Promise((r) => setTimeout(r, 20));
      const key = join(home.home, 'agent-key');
      copyFileSync(labTarget(publicHosts()[0]!).keyFile, key);
      chmodSync(key, 0o600);
      execFileSync('ssh-add', [key], { env: { ...process.env, SSH_AUTH_SOCK: socket }, stdio: 'ignore' });
    });
    afterAll(() => {
      if (agent?.pid !== undefined) process.kill(agent.pid, 'SIGTERM');
    });

    it('uses the keys the agent holds when no key file is given', async () => {
      const vars = targetVars(target, { ansible_ssh_private_key_file: undefined });
      const settings = home.settings({ env: { HOME: home.home, SSH_AUTH_SOCK: socket } });
      const result = await pool.open('agent', vars, settings).run(whoami);
      expect(result.stdout.toString()).toBe(`${target.user}\n`);
    });
  });

  describe('with a passphrase-protected key', () => {
    const encrypted = join(home.home, 'encrypted-key');
    beforeAll(() => {
      copyFileSync(labTarget(publicHosts()[0]!).keyFile, encrypted);
      chmodSync(encrypted, 0o600);
      execFileSync('ssh-keygen', ['-p', '-q', '-f', encrypted, '-P', '', '-N', 'correct horse']);
      expect(readFileSync(encrypted, 'utf8')).toContain('OPENSSH PRIVATE KEY');
    });

    it('asks for the passphrase through the prompt function, once for all hosts', async () => {
      const prompts: string[] = [];
      const settings = home.settings({
        promptPassphrase: async (prompt) => {
          prompts.push(prompt);
          return 'correct horse';
        },
      });
      const other = labTarget(publicHosts()[1]!, 'tester2');
      const results = await Promise.all(
        [target, other].map((t) => pool.open(`enc-${t.name}`, targetVars(t, { ansible_ssh_private_key_file: encrypted }), settings).run(whoami)),
      );
      expect(results.map((r) => r.stdout.toString())).toEqual([`${target.user}\n`, `${other.user}\n`]);
      expect(prompts).toEqual([`Enter passphrase for key '${encrypted}': `]);
    });

    it('fails clearly without a terminal to ask on', async () => {
      const c = pool.open('enc-notty', targetVars(target, { ansible_ssh_private_key_file: encrypted }), home.settings());
      await expect(c.connect()).rejects.toMatchObject({
        code: 'TSIBLE_UNREACHABLE',
        message: expect.stringContaining(`private key ${encrypted} is passphrase-protected and there is no terminal to ask for the passphrase`),
      });
    });
  });
});
