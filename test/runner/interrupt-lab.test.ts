import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import type { LabHost } from '../../packages/engine/src/lab/index.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeLab, labInfo, sshRun, useLabHosts } from '../lab/lab.js';
import { labInventory, playbookDir } from './lab-support.js';

const playbook = (hosts: string, seconds: number): string => `
- hosts: ${hosts}
  gather_facts: false
  tasks:
    - command: echo before
    - name: long
      shell: sleep ${seconds}; echo never
    - command: echo after
`;

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Starts the run, sends SIGINT `signals` times once the long task is running, and collects the outcome (bounded). */
function interruptWhileLong(argv: string[], signals: number): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, argv, { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    let sentAt = 0;
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the run did not end after SIGINT:\n${stdout}\n${stderr}`));
    }, 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (sentAt === 0 && stdout.includes('TASK [long]')) {
        sentAt = -1;
        // Long enough for the command to have started on the host.
        setTimeout(() => {
          sentAt = Date.now();
          for (let i = 0; i < signals; i++) child.kill('SIGINT');
        }, 1500);
      }
    });
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => {
      clearTimeout(guard);
      resolve({ code, stdout, stderr, ms: Date.now() - sentAt });
    });
  });
}

describeLab('Ctrl-C during a playbook on lab hosts', () => {
  const reserved = useLabHosts(2);

  it('ends the running commands on every host, prints the recap of what ran and exits 99', async () => {
    const hosts = reserved();
    const pb = playbookDir('tsible-int.', hosts, playbook('targets', 301));
    try {
      const r = await interruptWhileLong(pb.argv(), 1);
      expect(r.code).toBe(99);
      expect(r.stderr).toContain('[ERROR]: User interrupted execution');
      expect(r.stdout).toContain('PLAY RECAP');
      for (const host of hosts) {
        expect(r.stdout).toMatch(new RegExp(`${host.name}\\s+: ok=1 +changed=1 +unreachable=0 +failed=0`));
        expect((await sshRun(host, 'pgrep -f "slee[p] 301" || echo none')).stdout).toBe('none\n');
      }
      // The task after the interrupted one never started.
      expect(r.stdout.split('TASK [command]').length - 1).toBe(1);
      expect(r.stdout).not.toContain('UNREACHABLE');
    } finally {
      pb.remove();
    }
  }, 120_000);

  it('a command run through sudo by another login user is ended too', async () => {
    const [host] = reserved() as [LabHost];
    const state = labInfo();
    const pb = playbookDir('tsible-int-sudo.', [host], playbook('targets', 304).replace('shell: sleep 304; echo never', 'shell: sleep 304; echo never\n      become: true'));
    try {
      const user = `${host.name} ansible_host=${host.address} ansible_user=tester ansible_password=${state.password}`;
      writeFileSync(join(pb.dir, 'hosts.ini'), labInventory([], 'targets', [user]).replace(/^ansible_user=root\n/m, ''));
      const r = await interruptWhileLong(pb.argv(), 1);
      expect(r.code).toBe(99);
      expect((await sshRun(host, 'pgrep -f "slee[p] 304" || echo none')).stdout).toBe('none\n');
    } finally {
      pb.remove();
    }
  }, 120_000);

  it('a second Ctrl-C exits at once', async () => {
    const [host] = reserved() as [LabHost];
    const pb = playbookDir('tsible-int2.', [host], playbook('targets', 302));
    try {
      const r = await interruptWhileLong(pb.argv(), 2);
      expect(r.code).toBe(99);
      expect(r.ms).toBeLessThan(3000);
    } finally {
      pb.remove();
      await sshRun(host, 'pkill -f "slee[p] 302"; true');
    }
  }, 120_000);

  it('on the local connection the command is ended too', async () => {
    const pb = playbookDir('tsible-int3.', [], playbook('localhost', 303));
    try {
      const r = await interruptWhileLong([...pb.argv(), '-c', 'local', '-i', 'localhost,'], 1);
      expect(r.code).toBe(99);
      expect(spawnSync('pgrep', ['-f', 'sleep 303; echo never'], { encoding: 'utf8' }).stdout).toBe('');
    } finally {
      pb.remove();
    }
  }, 120_000);
});
