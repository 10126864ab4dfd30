import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectionOptionsFromVars, type SshConnectionOptions } from './connection-options.js';
import { clearSshConfigCache } from './ssh-config-file.js';
import type { ConnectionSettings } from './settings.js';

let home: string;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'conn-opts-'));
  mkdirSync(join(home, '.ssh'));
  clearSshConfigCache();
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

function sshConfig(text: string): void {
  writeFileSync(join(home, '.ssh', 'config'), text);
}

function ssh(vars: Record<string, unknown>, settings: ConnectionSettings = {}, name = 'web1'): SshConnectionOptions {
  const options = connectionOptionsFromVars(name, vars, { env: { HOME: home }, ...settings });
  if (options.kind !== 'ssh') throw new Error('expected ssh options');
  return options;
}

describe('connectionOptionsFromVars', () => {
  it('takes Ansible host variables, with the inventory name as the default address', () => {
    const o = ssh({ ansible_port: '2222', ansible_user: 'deploy', ansible_ssh_private_key_file: '~/keys/k', ansible_password: 'pw' });
    expect(o).toMatchObject({ host: 'web1', port: 2222, user: 'deploy', password: 'pw', hostKeyPolicy: 'strict' });
    expect(o.identityFiles).toEqual([join(home, 'keys/k')]);
    expect(o.identityFilesNamed).toBe(true);
    expect(ssh({})).toMatchObject({ identityFilesNamed: false, identityFiles: [join(home, '.ssh/id_ed25519'), join(home, '.ssh/id_ecdsa'), join(home, '.ssh/id_rsa')] });
    expect(o.connectTimeoutMs).toBe(10_000);
    expect(o.knownHostsFiles).toContain(join(home, '.ssh/known_hosts'));
  });

  it('accepts the older ansible_ssh_* spellings and IPv6 literals', () => {
    const o = ssh({ ansible_ssh_host: '[fd00::5]', ansible_ssh_port: 22, ansible_ssh_user: 'u', ansible_ssh_pass: 'p' });
    expect(o).toMatchObject({ host: 'fd00::5', port: 22, user: 'u', password: 'p' });
  });

  it('lets host variables beat command-line settings, and settings beat ssh config', () => {
    sshConfig('Host web1\n  User fromconfig\n  Port 2200\n  IdentityFile ~/.ssh/cfgkey\n');
    expect(ssh({}, { remoteUser: 'cli' })).toMatchObject({ user: 'cli', port: 2200 });
    expect(ssh({ ansible_user: 'var' }, { remoteUser: 'cli' }).user).toBe('var');
    expect(ssh({}).identityFiles).toEqual([join(home, '.ssh/cfgkey')]);
    expect(ssh({}, { privateKeyFile: '/k/cli' }).identityFiles).toEqual(['/k/cli', join(home, '.ssh/cfgkey')]);
  });

  it('resolves ~/.ssh/config Host patterns against ansible_host, including HostName and ProxyJump', () => {
    sshConfig(
      [
        'Host bastion',
        '  HostName 192.0.2.10',
        '  User jumper',
        '  Port 2022',
        'Host 10.9.*',
        '  ProxyJump bastion',
        '  UserKnownHostsFile ~/.ssh/lab_hosts',
        '  StrictHostKeyChecking accept-new',
        '  ServerAliveInterval 7',
      ].join('\n'),
    );
    const o = ssh({ ansible_host: '10.9.0.4' });
    expect(o.jumps).toEqual([{ host: '192.0.2.10', port: 2022, user: 'jumper', identityFiles: [] }]);
    expect(o.knownHostsFiles[0]).toBe(join(home, '.ssh/lab_hosts'));
    expect(o.hostKeyPolicy).toBe('accept-new');
    expect(o.keepaliveIntervalMs).toBe(7000);
  });

  it('follows Include lines (globs, ~, names relative to ~/.ssh) as ssh does', () => {
    mkdirSync(join(home, '.ssh', 'config.d'));
    writeFileSync(join(home, '.ssh', 'config.d', '10-web'), 'Host web1\n  HostName 10.1.1.1\n  Include extra missing\n');
    writeFileSync(join(home, '.ssh', 'config.d', '20-all'), 'Host *\n  User fromglob\n');
    writeFileSync(join(home, '.ssh', 'extra'), 'Port 2201\n');
    writeFileSync(join(home, '.ssh', 'config.d', 'ignored.txt'), 'Host *\n  User wrong\n');
    sshConfig('Include config.d/[0-9]*\nHost *\n  User late\n');
    expect(ssh({})).toMatchObject({ host: '10.1.1.1', user: 'fromglob', port: 2201 });
    sshConfig('Include ~/.ssh/extra\n');
    clearSshConfigCache();
    expect(ssh({}).port).toBe(2201);
  });

  it('reads -o options, -J and ProxyCommand "ssh -W" from ansible_ssh_common_args / extra args', () => {
    const o = ssh({
      ansible_ssh_common_args: '-o ProxyJump=ops@gw.example:2201,[fd00::1] -o "UserKnownHostsFile=/k/one /k/two"',
      ansible_ssh_extra_args: '-o ConnectionAttempts=3',
    });
    expect(o.jumps).toEqual([
      { host: 'gw.example', port: 2201, user: 'ops', identityFiles: [] },
      { host: 'fd00::1', port: 22, user: expect.any(String), identityFiles: [] },
    ]);
    expect(o.knownHostsFiles.slice(0, 2)).toEqual(['/k/one', '/k/two']);
    expect(o.retries).toBe(2);
    expect(ssh({ ansible_ssh_common_args: '-J jump1' }).jumps[0]!.host).toBe('jump1');
    const viaCommand = ssh({ ansible_ssh_common_args: `-o ProxyCommand="ssh -W %h:%p -q -p 2022 -i /k/jk admin@gw"` });
    expect(viaCommand.jumps).toEqual([{ host: 'gw', port: 2022, user: 'admin', identityFiles: ['/k/jk'] }]);
    expect(viaCommand.proxyCommand).toBeUndefined();
    const other = ssh({ ansible_ssh_common_args: `-o ProxyCommand="nc -X 5 -x proxy:1080 %h %p"` });
    expect(other).toMatchObject({ jumps: [], proxyCommand: 'nc -X 5 -x proxy:1080 %h %p' });
  });

  it('takes HostKeyAlias and BatchMode (no passphrase prompt) from args or config', () => {
    sshConfig('Host web1\n  HostKeyAlias web-alias\n  BatchMode yes\n');
    const o = ssh({}, { promptPassphrase: async () => 'x' });
    expect(o.hostKeyAlias).toBe('web-alias');
    expect(o.settings.promptPassphrase).toBeUndefined();
    expect(ssh({ ansible_ssh_extra_args: '-o HostKeyAlias=other' }).hostKeyAlias).toBe('other');
  });

  it('keeps ssh\'s first-value-wins rule across ssh_args, common and extra args', () => {
    const o = ssh({}, { sshArgs: '-o ServerAliveInterval=3', sshCommonArgs: '-o ServerAliveInterval=9' });
    expect(o.keepaliveIntervalMs).toBe(3000);
  });

  it('turns host key checking off only when asked explicitly', () => {
    expect(ssh({}).hostKeyPolicy).toBe('strict');
    expect(ssh({}, { hostKeyChecking: false }).hostKeyPolicy).toBe('off');
    expect(ssh({}, { env: { HOME: home, ANSIBLE_HOST_KEY_CHECKING: 'False' } }).hostKeyPolicy).toBe('off');
    expect(ssh({}, { env: { HOME: home, TSIBLE_HOST_KEY_CHECKING: 'no' } }).hostKeyPolicy).toBe('off');
    expect(ssh({ ansible_ssh_common_args: '-o StrictHostKeyChecking=no' }).hostKeyPolicy).toBe('off');
    expect(ssh({ ansible_host_key_checking: false }, { hostKeyChecking: true }).hostKeyPolicy).toBe('off');
    expect(ssh({ ansible_host_key_checking: 'true' }, { env: { HOME: home, ANSIBLE_HOST_KEY_CHECKING: 'False' } }).hostKeyPolicy).toBe('strict');
  });

  it('takes timeouts, retries and the agent socket', () => {
    const o = ssh({ ansible_ssh_timeout: 3, ansible_ssh_retries: '2' }, { env: { HOME: home, SSH_AUTH_SOCK: '/run/agent.sock' } });
    expect(o).toMatchObject({ connectTimeoutMs: 3000, retries: 2, agentSocket: '/run/agent.sock' });
    expect(ssh({}, { timeoutSeconds: 1 }).connectTimeoutMs).toBe(1000);
  });

  it('picks ssh or local per ansible_connection and rejects unknown plugins', () => {
    expect(connectionOptionsFromVars('h', { ansible_connection: 'local' }).kind).toBe('local');
    for (const type of ['ssh', 'paramiko', 'smart']) {
      expect(connectionOptionsFromVars('h', { ansible_connection: type }, { env: { HOME: home } }).kind).toBe('ssh');
    }
    expect(() => connectionOptionsFromVars('h', { ansible_connection: 'winrm' })).toThrow(/connection plugin 'winrm' was not found/);
  });

  it('names the variable when a value is malformed', () => {
    expect(() => ssh({ ansible_port: 'http' })).toThrow(/ansible_port/);
    expect(() => ssh({ ansible_port: 70000 })).toThrow(/not a TCP port/);
    expect(() => ssh({ ansible_user: ['a'] })).toThrow(/ansible_user must be a string/);
  });
});
