import { execFileSync } from 'node:child_process';
import { RecordingSink, UnreachableError, type Connection } from '@tsible/engine';
import { describeLab, labInfo, privateHosts, publicHosts, sshRun, useLabHosts } from '../lab/lab.js';
import { connectionPool, isolatedHome, labTarget, targetVars } from './support/targets.js';

const home = isolatedHome();
const pool = connectionPool();
afterAll(async () => {
  await pool.closeAll();
  home.cleanup();
});

/** An address in the lab's subnet that no host uses. */
function unusedLabAddress(): string {
  const base = labInfo().subnet.split('/')[0]!.split('.').slice(0, 3).join('.');
  return `${base}.250`;
}

/** Settles with 'finished' or the error, so a rejection is never left unhandled. */
function outcome(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => 'finished',
    (error: unknown) => error,
  );
}

async function failure(connection: Connection): Promise<UnreachableError> {
  const error = await connection.run({ argv: ['true'] }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnreachableError);
  return error as UnreachableError;
}

describeLab('unreachable hosts', () => {
  it('a closed port: Connection refused', async () => {
    const target = labTarget(publicHosts()[0]!);
    const error = await failure(pool.open('closed', targetVars(target, { ansible_port: 2 }), home.settings()));
    expect(error.message).toBe(`Failed to connect to the host via ssh: ssh: connect to host ${target.address} port 2: Connection refused`);
  });

  it('retries a failing connection ansible_ssh_retries times, then reports it', async () => {
    const sink = new RecordingSink();
    const vars = targetVars(labTarget(publicHosts()[0]!), { ansible_port: 2, ansible_ssh_retries: 2 });
    const error = await failure(pool.open('retries', vars, home.settings({ events: sink })));
    expect(error.message).toContain('Connection refused');
    expect(sink.messages('debug').filter((m) => m.includes('ESTABLISH SSH CONNECTION'))).toHaveLength(3);
  });

  it('an unused lab address: gives up after the connect timeout', async () => {
    const vars = targetVars(labTarget(publicHosts()[0]!), { ansible_host: unusedLabAddress(), ansible_ssh_timeout: 1 });
    const started = Date.now();
    const error = await failure(pool.open('unused', vars, home.settings()));
    expect(error.message).toMatch(/^Failed to connect to the host via ssh: ssh: connect to host \S+ port 22: (Connection timed out|No route to host)$/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('an unknown name: Could not resolve hostname', async () => {
    const vars = targetVars(labTarget(publicHosts()[0]!), { ansible_host: 'no-such-host.invalid' });
    const error = await failure(pool.open('dns', vars, home.settings()));
    expect(error.message).toBe('Failed to connect to the host via ssh: ssh: Could not resolve hostname no-such-host.invalid: Name or service not known');
  });

  it('a private host: only reachable through the jump host', async () => {
    const lab = labInfo();
    const jump = publicHosts()[0]!;
    const hidden = labTarget(privateHosts()[0]!, 'root');
    const direct = await failure(pool.open('direct', targetVars(hidden, { ansible_ssh_timeout: 1 }), home.settings()));
    expect(direct.message).toMatch(/Connection timed out|No route to host|Network is unreachable/);

    const viaJump = targetVars(hidden, { ansible_ssh_common_args: `-o UserKnownHostsFile=${lab.knownHostsFile} -J root@${jump.address}` });
    const result = await pool.open('jump', viaJump, home.settings()).run({ argv: ['hostname'] });
    expect(result.stdout.toString()).toBe(`${hidden.name}\n`);

    const viaCommand = targetVars(hidden, {
      ansible_ssh_common_args: `-o UserKnownHostsFile=${lab.knownHostsFile} -o ProxyCommand="ssh -i ${lab.keyFile} -W %h:%p root@${jump.address}"`,
    });
    const again = await pool.open('proxycommand', viaCommand, home.settings()).run({ argv: ['hostname'] });
    expect(again.stdout.toString()).toBe(`${hidden.name}\n`);
  });

  it("a private host by name through the lab's ssh_config: HostName, User, IdentityFile, known hosts and ProxyJump from -F", async () => {
    const lab = labInfo();
    const hidden = privateHosts()[0]!;
    // Only the inventory name: everything else comes from the ssh config file.
    const connection = pool.open(hidden.name, { ansible_ssh_common_args: `-F ${lab.sshConfigFile}` }, home.settings());
    const result = await connection.run({ script: 'hostname; id -un' });
    expect(result.stdout.toString()).toBe(`${hidden.name}\nroot\n`);
  });

  describe('hosts whose sshd goes away', () => {
    const hosts = useLabHosts(3);

    it('a stopped sshd: Connection refused', async () => {
      const host = hosts()[0]!;
      // Stop the listening sshd (found by its title, not a pid file) and wait until it is gone.
      const stop = await sshRun(
        host,
        `pid=$(ps -eo pid=,args= | awk '/sshd: .*\\[listener\\]/ {print $1}'); kill $pid; ` +
          'for i in $(seq 50); do kill -0 $pid 2>/dev/null || exit 0; sleep 0.1; done; exit 1',
      );
      expect(stop).toMatchObject({ code: 0 });
      expect(execFileSync('ip', ['netns', 'exec', host.netns, 'ss', '-ltn']).toString()).not.toMatch(/:22\s/);
      const error = await failure(pool.open('stopped', targetVars(labTarget(host)), home.settings()));
      expect(error.message).toContain(`connect to host ${host.address} port 22: Connection refused`);
    });

    it('sshd killed mid-command: the command fails UNREACHABLE at once, and no half-written file remains', async () => {
      const host = hosts()[1]!;
      const connection = pool.open('killed', targetVars(labTarget(host)), home.settings());
      const session = (await connection.run({ script: 'echo $PPID' })).stdout.toString().trim();
      const started = Date.now();
      const running = outcome(connection.run({ script: 'sleep 30' }));
      // Uploads one after another until the connection dies under one of them.
      const uploads = outcome(
        (async () => {
          for (let i = 0; i < 500; i += 1) await connection.put(Buffer.alloc(4 * 1024 * 1024, 0x61), `/tmp/upload-${i}.bin`);
        })(),
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      const kill = await sshRun(host, `kill -9 ${session} $(ps -o ppid= -p ${session})`);
      expect(kill.code).toBe(0);
      expect(await running).toBeInstanceOf(UnreachableError);
      expect(await uploads).toBeInstanceOf(UnreachableError);
      expect(Date.now() - started).toBeLessThan(5000);
      // The next task reconnects and clears what the cut-off upload left.
      await connection.run({ argv: ['true'] });
      await connection.get('/etc/hostname');
      const listing = await connection.run({ script: 'ls -A /tmp' });
      expect(listing.stdout.toString()).toContain('upload-0.bin');
      expect(listing.stdout.toString()).not.toContain('tsible');
    });

    it('a link that goes silent mid-command: the SSH keepalive notices within seconds', async () => {
      const host = hosts()[2]!;
      const vars = targetVars(labTarget(host), {
        ansible_ssh_extra_args: '-o ServerAliveInterval=1 -o ServerAliveCountMax=2',
      });
      const connection = pool.open('silent', vars, home.settings());
      await connection.run({ argv: ['true'] });
      const running = outcome(connection.run({ script: 'sleep 30' }));
      // Drop every packet inside the host's own network namespace: no RST, no FIN, just silence.
      const rule = ['netns', 'exec', host.netns, 'iptables', 'INPUT', '-j', 'DROP'];
      execFileSync('ip', [...rule.slice(0, 4), '-I', ...rule.slice(4)]);
      const started = Date.now();
      try {
        expect(await running).toBeInstanceOf(UnreachableError);
        expect(Date.now() - started).toBeLessThan(8000);
      } finally {
        execFileSync('ip', [...rule.slice(0, 4), '-D', ...rule.slice(4)]);
      }
    });
  });
});
