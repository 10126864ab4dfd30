import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeLab, publicHosts } from '../lab/lab.js';
import { ansibleMessages } from './support/ansible-messages.js';
import { connectionPool, isolatedHome, labTarget, targetVars, type SshTarget } from './support/targets.js';

const home = isolatedHome();
const pool = connectionPool();
let target: SshTarget;
afterAll(async () => {
  await pool.closeAll();
  home.cleanup();
});

/** The host's real key as a known_hosts line. */
function realKeyLine(): string {
  return `${target.address} ${target.hostKey}`;
}

function fingerprintOf(line: string): string {
  const file = join(home.home, 'fp.pub');
  writeFileSync(file, `${line.split(' ').slice(1, 3).join(' ')}\n`);
  return execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', file], { encoding: 'utf8' }).split(' ')[1]!;
}

function withKnownHosts(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const file = join(home.home, `known_hosts_${Math.random().toString(16).slice(2)}`);
  writeFileSync(file, text);
  return targetVars(target, { ansible_ssh_common_args: `-o UserKnownHostsFile=${file}`, ...extra });
}

describeLab('host key verification', () => {
  // Only logs in: host 1 serves read-only.
  beforeAll(() => {
    target = labTarget(publicHosts()[0]!);
  });

  it('refuses an unknown host, showing the SHA256 fingerprint and how to accept it', async () => {
    const error = await pool.open('unknown', withKnownHosts(''), home.settings()).connect().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'TSIBLE_UNREACHABLE' });
    const { message, hint } = error as { message: string; hint: string };
    // Ansible says only "…: Host key verification failed."; tsible says the same, then why and what to do.
    expect(message.startsWith(ansibleMessages().unknown_host_key.replace(/\.$/, ''))).toBe(true);
    expect(message).toContain(`Host key verification failed: no known_hosts entry for ${target.address}`);
    expect(message).toContain(fingerprintOf(realKeyLine()));
    expect(hint).toContain(`ssh-keyscan -t ed25519 ${target.address} >> `);
    expect(hint).toContain('host_key_checking = False');
  });

  it('refuses a changed key loudly, naming the offending line', async () => {
    execFileSync('ssh-keygen', ['-q', '-t', realKeyLine().split(' ')[1]!.replace(/^ssh-/, '').replace(/-.*$/, ''), '-N', '', '-f', join(home.home, 'impostor')]);
    const impostor = readFileSync(join(home.home, 'impostor.pub'), 'utf8').split(' ');
    const vars = withKnownHosts(`# other hosts\n${target.address} ${impostor[0]} ${impostor[1]}\n`);
    const error = (await pool.open('changed', vars, home.settings()).connect().catch((e: unknown) => e)) as Error;
    expect(error.message).toContain('WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!');
    expect(error.message).toMatch(/Offending \w+ key in .*known_hosts_\w+:2/);
    expect(error.message).toContain(fingerprintOf(realKeyLine()));
  });

  it('accepts hashed known_hosts entries', async () => {
    const vars = withKnownHosts(`${realKeyLine()}\n`);
    const file = String(vars['ansible_ssh_common_args']).split('=')[1]!;
    execFileSync('ssh-keygen', ['-H', '-f', file], { stdio: 'ignore' });
    expect(readFileSync(file, 'utf8')).toMatch(/^\|1\|/);
    await expect(pool.open('hashed', vars, home.settings()).run({ argv: ['true'] })).resolves.toMatchObject({ rc: 0 });
  });

  it('connects to an unknown host only when checking is turned off explicitly', async () => {
    await expect(pool.open('off-config', withKnownHosts(''), home.settings({ hostKeyChecking: false })).run({ argv: ['true'] })).resolves.toMatchObject({ rc: 0 });
    const envOff = home.settings({ env: { HOME: home.home, ANSIBLE_HOST_KEY_CHECKING: 'False' } });
    await expect(pool.open('off-env', withKnownHosts(''), envOff).run({ argv: ['true'] })).resolves.toMatchObject({ rc: 0 });
    const strictNo = withKnownHosts('');
    strictNo['ansible_ssh_common_args'] = `${String(strictNo['ansible_ssh_common_args'])} -o StrictHostKeyChecking=no`;
    await expect(pool.open('off-args', strictNo, home.settings()).run({ argv: ['true'] })).resolves.toMatchObject({ rc: 0 });
  });

  it('looks the key up under HostKeyAlias when one is set', async () => {
    const other = publicHosts()[1]!;
    const alias = (name: string) =>
      targetVars(target, { ansible_ssh_common_args: `-o UserKnownHostsFile=${target.knownHostsFile} -o HostKeyAlias=${name}` });
    await expect(pool.open('alias-own', alias(target.address), home.settings()).run({ argv: ['true'] })).resolves.toMatchObject({ rc: 0 });
    await expect(pool.open('alias-other', alias(other.address), home.settings()).connect()).rejects.toMatchObject({
      message: expect.stringContaining('REMOTE HOST IDENTIFICATION HAS CHANGED'),
    });
  });

  it('remembers a new key with StrictHostKeyChecking=accept-new', async () => {
    const vars = withKnownHosts('');
    const file = String(vars['ansible_ssh_common_args']).split('=')[1]!;
    vars['ansible_ssh_common_args'] = `${String(vars['ansible_ssh_common_args'])} -o StrictHostKeyChecking=accept-new`;
    await pool.open('accept-new', vars, home.settings()).run({ argv: ['true'] });
    expect(readFileSync(file, 'utf8')).toContain(`${target.address} ${realKeyLine().split(' ')[1]}`);
    const again = withKnownHosts(readFileSync(file, 'utf8'));
    await expect(pool.open('accept-new-again', again, home.settings()).run({ argv: ['true'] })).resolves.toMatchObject({ rc: 0 });
  });
});
