/**
 * A real systemd as PID 1 next to a lab host (fixtures/systemd-boot.sh), for
 * systemd_service tests: reachable over ssh on its own port in the lab host's
 * network namespace, with a host key of its own checked by the client.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LabHost } from '../../packages/engine/src/lab/index.js';
import { labInfo } from '../lab/lab.js';

const BOOT = fileURLToPath(new URL('./fixtures/systemd-boot.sh', import.meta.url));
const PORT = 2222;

export interface SystemdHost {
  /** Inventory with the one host `systemd-host`. */
  inventory: string;
  /** Runs a command on it over ssh; its stdout, or throws. */
  run(command: string): string;
  stop(): void;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function bootSystemdHost(next: LabHost): Promise<SystemdHost> {
  const lab = labInfo();
  const dir = mkdtempSync(join(tmpdir(), 'tsible-systemd-'));
  spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'host_key')]);
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(`${lab.keyFile}.pub`));
  writeFileSync(join(dir, 'known_hosts'), `[${next.address}]:${PORT} ${readFileSync(join(dir, 'host_key.pub'), 'utf8')}`);
  const options = `-o UserKnownHostsFile=${join(dir, 'known_hosts')} -o StrictHostKeyChecking=yes`;
  const inventory = join(dir, 'inventory.ini');
  writeFileSync(inventory, `systemd-host ansible_host=${next.address} ansible_port=${PORT} ansible_user=root ansible_ssh_private_key_file=${lab.keyFile} ansible_ssh_common_args='${options}'\n`);
  const boot = spawn('sh', [BOOT, dir, next.netns, String(PORT), join(dir, 'authorized_keys'), join(dir, 'host_key')], { detached: true, stdio: 'ignore' });
  boot.unref();
  const run = (command: string): string => {
    const r = spawnSync('ssh', ['-i', lab.keyFile, ...options.split(' '), '-o', 'BatchMode=yes', '-p', String(PORT), `root@${next.address}`, command], { encoding: 'utf8', timeout: 30_000 });
    if (r.status !== 0) throw new Error(`${command} failed (${r.status}): ${r.stderr}`);
    return r.stdout;
  };
  const stop = (): void => {
    // unshare --kill-child takes the container's PID 1, and with it the whole PID namespace.
    if (boot.pid !== undefined) process.kill(boot.pid, 'SIGKILL');
    const cgroup2 = /^\S+ (\S+) cgroup2 /m.exec(readFileSync('/proc/mounts', 'utf8'))?.[1];
    if (cgroup2 !== undefined) spawnSync('sh', ['-c', 'sleep 1; find "$1" -depth -type d -exec rmdir {} + 2>/dev/null; true', 'sh', join(cgroup2, dir.split('/').pop() ?? '')]);
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 60; i++) {
    try {
      if (run('systemctl is-system-running --wait').trim() !== '') return { inventory, run, stop };
    } catch {
      await sleep(500);
    }
  }
  stop();
  throw new Error('systemd did not come up next to the lab host');
}
