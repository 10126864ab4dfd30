import { Emitter, RecordingSink, runModuleTask, type Connection, type RunRequest, type RunResult } from '@tsible/engine';
import { rebootModule } from './reboot.js';
import { waitForConnectionModule } from './wait-for-connection.js';

/**
 * A host that goes down when told to reboot and comes back after `downMs`
 * with a new boot id; while down, connecting fails as it would over SSH.
 */
class RebootingHost {
  bootId = 'boot-1';
  up = true;
  readonly scripts: string[] = [];
  constructor(
    private readonly downMs: number,
    private readonly answers: { rebootRc?: number; comesBack?: boolean; newBootId?: boolean; testRc?: number } = {},
  ) {}

  connection(): Connection {
    const run = async (request: RunRequest): Promise<RunResult> => {
      if (!this.up) throw new Error('ssh: connect to host box port 22: Connection refused');
      const script = String(request.script ?? '').trim();
      this.scripts.push(script);
      if (script.includes('boot_id') || script === 'uptime-id') return result(0, `${this.bootId}\n`);
      if (script.startsWith('/sbin/shutdown') || script === 'reboot-now') {
        if ((this.answers.rebootRc ?? 0) !== 0) return result(this.answers.rebootRc!, 'no permission', 'shutdown: denied');
        this.up = false;
        if (this.answers.comesBack !== false) {
          setTimeout(() => {
            if (this.answers.newBootId !== false) this.bootId = 'boot-2';
            this.up = true;
          }, this.downMs);
        }
        return result(0, '');
      }
      if (script === 'whoami') return result(this.answers.testRc ?? 0, 'root\n');
      if (script === 'echo tsible-pong') return result(0, 'tsible-pong\n');
      return result(127, '', `unknown command ${script}`);
    };
    const fail = async (): Promise<never> => Promise.reject(new Error('not used'));
    return { host: 'box', connect: async () => (this.up ? undefined : Promise.reject(new Error('Connection refused'))), run, put: fail, get: fail, close: async () => undefined };
  }

  async reconnect(): Promise<Connection> {
    if (!this.up) throw new Error('ssh: connect to host box port 22: Connection refused');
    return this.connection();
  }
}

function result(rc: number, stdout: string, stderr = ''): RunResult {
  return { rc, stdout: Buffer.from(stdout), stderr: Buffer.from(stderr) };
}

function run(host: RebootingHost, module: typeof rebootModule | typeof waitForConnectionModule, args: Record<string, unknown>): ReturnType<typeof runModuleTask> {
  return runModuleTask(module, args, { connection: host.connection(), reconnect: () => host.reconnect(), checkMode: false, diffMode: false, emit: new Emitter(new RecordingSink()) });
}

describe('reboot', () => {
  it('reboots with shutdown, waits for a new boot id, then for test_command', async () => {
    const host = new RebootingHost(1500);
    const outcome = await run(host, rebootModule, { reboot_timeout: 30 });
    expect(outcome.result).toMatchObject({ changed: true, rebooted: true });
    expect(outcome.result['failed']).toBeUndefined();
    expect(Number(outcome.result['elapsed'])).toBeGreaterThanOrEqual(1);
    expect(host.scripts[0]).toBe('cat /proc/sys/kernel/random/boot_id');
    expect(host.scripts[1]).toBe("/sbin/shutdown -r +0 'Reboot initiated by Ansible'");
    expect(host.scripts.slice(-2)).toEqual(['cat /proc/sys/kernel/random/boot_id', 'whoami']);
  }, 40_000);

  it('takes its own reboot, boot time and test commands, and waits post_reboot_delay', async () => {
    const host = new RebootingHost(200);
    const start = Date.now();
    const outcome = await run(host, rebootModule, { reboot_command: 'reboot-now', boot_time_command: 'uptime-id', post_reboot_delay: 2, reboot_timeout: 30 });
    expect(outcome.result).toMatchObject({ changed: true, rebooted: true });
    expect(Date.now() - start).toBeGreaterThanOrEqual(2000);
    expect(host.scripts).toContain('reboot-now');
    expect(host.scripts).not.toContain('cat /proc/sys/kernel/random/boot_id');
  }, 40_000);

  it('fails with Ansible\'s message when the reboot command fails', async () => {
    const outcome = await run(new RebootingHost(100, { rebootRc: 1 }), rebootModule, { reboot_timeout: 5 });
    expect(outcome.result).toMatchObject({ changed: false, failed: true, rebooted: false, msg: "Reboot command failed. Error was: 'no permission, shutdown: denied'" });
  });

  it('times out when the boot id never changes, and when the host never comes back', async () => {
    const same = await run(new RebootingHost(100, { newBootId: false }), rebootModule, { reboot_timeout: 3 });
    expect(same.result).toMatchObject({ failed: true, rebooted: true, msg: 'Timed out waiting for last boot time check (timeout=3)' });
    const gone = await run(new RebootingHost(100, { comesBack: false }), rebootModule, { reboot_timeout: 3, connect_timeout: 1 });
    expect(gone.result).toMatchObject({ failed: true, rebooted: true, msg: 'Timed out waiting for last boot time check (timeout=3)' });
  }, 30_000);

  it('times out when test_command keeps failing after the boot', async () => {
    const outcome = await run(new RebootingHost(100, { testRc: 1 }), rebootModule, { reboot_timeout: 3 });
    expect(outcome.result).toMatchObject({ failed: true, rebooted: true, msg: 'Timed out waiting for post-reboot test command (timeout=3)' });
  }, 30_000);
});

describe('wait_for_connection', () => {
  it('waits until a host that is down answers again', async () => {
    const host = new RebootingHost(1500);
    host.up = false;
    setTimeout(() => (host.up = true), 1500);
    const outcome = await run(host, waitForConnectionModule, { timeout: 20, sleep: 1 });
    expect(outcome.result).toMatchObject({ changed: false });
    expect(outcome.result['failed']).toBeUndefined();
    expect(Number(outcome.result['elapsed'])).toBeGreaterThanOrEqual(1);
  }, 30_000);

  it('gives up after timeout', async () => {
    const host = new RebootingHost(100);
    host.up = false;
    const outcome = await run(host, waitForConnectionModule, { timeout: 2, sleep: 1, connect_timeout: 1 });
    expect(outcome.result).toMatchObject({ failed: true, msg: 'timed out waiting for ping module test: ssh: connect to host box port 22: Connection refused' });
  }, 30_000);
});
