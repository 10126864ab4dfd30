import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeLab, jumpHost, labInfo, sshArgv, useLabHosts } from './lab.js';
import { runArgv } from './run-argv.js';

describeLab('lab hosts over real ssh', () => {
  // Two public hosts and the private one, reserved for this file; host 1 (the jump host) read-only.
  const reserved = useLabHosts(2, 1);
  const hosts = () => [jumpHost(), ...reserved()];

  it('every host answers on its own address with its own name, host key checking on', async () => {
    const results = await Promise.all(hosts().map((h) => runArgv(sshArgv(h, 'hostname; cat /etc/hostname'))));
    results.forEach((r, i) => {
      const host = hosts()[i]!;
      expect({ host: host.name, code: r.code, stderr: r.stderr }).toEqual({ host: host.name, code: 0, stderr: '' });
      expect(r.stdout).toBe(`${host.name}\n${host.name}\n`);
    });
  }, 30_000);

  it('refuses a host whose key is not the one in known_hosts', async () => {
    const [a, b] = hosts();
    const state = labInfo();
    // Ask for host b under host a's name: its key does not match a's entry.
    const r = await runArgv([
      'ssh', '-i', state.keyFile, '-o', `UserKnownHostsFile=${state.knownHostsFile}`, '-o', 'StrictHostKeyChecking=yes',
      '-o', 'BatchMode=yes', '-o', `HostKeyAlias=${a!.address}`, `root@${b!.address}`, 'true',
    ]);
    expect(r.code).toBe(255);
    expect(r.stderr).toMatch(/HOST IDENTIFICATION HAS CHANGED|Host key verification failed/);
  }, 30_000);

  it('lab users log in with the key; tester has password-less sudo, tester2 needs the password', async () => {
    const host = reserved()[0]!;
    const t1 = await runArgv(sshArgv(host, 'id -un; sudo -n id -u', 'tester'));
    expect(t1.stdout).toBe('tester\n0\n');
    const t2 = await runArgv(sshArgv(host, 'sudo -n true', 'tester2'));
    expect(t2.code).not.toBe(0);
    expect(t2.stderr).toMatch(/password is required/);
    const t2pw = await runArgv(sshArgv(host, `echo ${labInfo().password} | sudo -S -p '' id -u`, 'tester2'));
    expect(t2pw.stdout).toBe('0\n');
  }, 30_000);

  it('password login works for the lab users and is refused for root', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tsible-askpass-'));
    const askpass = join(dir, 'askpass');
    await writeFile(askpass, `#!/bin/sh\necho '${labInfo().password}'\n`, { mode: 0o700 });
    const host = reserved()[0]!;
    const withPassword = (user: string) => {
      const argv = sshArgv(host, 'id -un', user);
      const opts = ['-o', 'BatchMode=no', '-o', 'PubkeyAuthentication=no', '-o', 'PreferredAuthentications=password', '-o', 'NumberOfPasswordPrompts=1'];
      return runArgv(['env', `SSH_ASKPASS=${askpass}`, 'SSH_ASKPASS_REQUIRE=force', 'setsid', '-w', argv[0]!, ...opts, ...argv.slice(1)]);
    };
    try {
      expect((await withPassword('tester')).stdout).toBe('tester\n');
      expect((await withPassword('tester2')).stdout).toBe('tester2\n');
      const root = await withPassword('root');
      expect(root.code).toBe(255);
      expect(root.stderr).toMatch(/Permission denied/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it("su to root takes the lab password (the host's own root password, never the machine's)", async () => {
    const host = reserved()[0]!;
    // su reads the password from a terminal and flushes what was typed before it asked:
    // type late, and later again if a loaded machine made su slower still.
    let out = '';
    for (const delay of [2, 5]) {
      out = (await runArgv(sshArgv(host, `(sleep ${delay}; echo '${labInfo().password}') | script -qc 'su -c "id -u" root' /dev/null`, 'tester'))).stdout;
      if (/Password: \s*0\s*$/.test(out)) break;
    }
    expect(out).toMatch(/Password: \s*0\s*$/);
  }, 30_000);

  it("root's home is the host's own, not the machine's", async () => {
    const r = await runArgv(sshArgv(jumpHost(), 'ls -A /root; cat /root/.ssh/authorized_keys'));
    expect(r.stdout.split('\n')[0]).toBe('.ssh');
    expect(r.stdout).toContain((await readFile(`${labInfo().keyFile}.pub`, 'utf8')).split(' ')[1]);
  }, 30_000);

  it('a private host is reachable through host 1 but not from the machine', async () => {
    const host = reserved()[2]!;
    const via = await runArgv(sshArgv(host, 'hostname'));
    expect(via.stdout).toBe(`${host.name}\n`);
    const direct = await runArgv([
      'ssh', '-o', 'ConnectTimeout=2', '-o', 'BatchMode=yes', '-o', `UserKnownHostsFile=${labInfo().knownHostsFile}`, `root@${host.address}`, 'true',
    ]);
    expect(direct.code).toBe(255);
    expect(direct.stderr).toMatch(/No route to host|Network is unreachable|timed out/);
  }, 30_000);

  it("the lab's ssh_config reaches every host by name, the private one by ProxyJump", async () => {
    const r = await runArgv(['ssh', '-F', labInfo().sshConfigFile, '-o', 'BatchMode=yes', reserved()[2]!.name, 'hostname']);
    expect(r).toEqual({ code: 0, stdout: `${reserved()[2]!.name}\n`, stderr: '' });
  }, 30_000);
});
