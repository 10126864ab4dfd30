import { spawnSync } from 'node:child_process';
import type { LabHost } from '../../packages/engine/src/lab/index.js';
import { describeLab, useLabHosts } from '../lab/lab.js';
import { playbookDir } from './lab-support.js';

const PLAYBOOK = `
- hosts: targets
  gather_facts: false
  tasks:
    - name: visible
      command: echo visible-word
    - name: hidden
      command: echo hidden-word
      no_log: true
`;

describeLab('-vvv connection lines on lab hosts', () => {
  const reserved = useLabHosts(1);

  it('prints the ssh connection and each command among the results on stdout; a no_log command is hidden', () => {
    const [host] = reserved() as [LabHost];
    const pb = playbookDir('tsible-vvv.', [host], PLAYBOOK);
    try {
      const r = spawnSync(process.execPath, pb.argv('-vvv'), { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
      expect(r.status).toBe(0);
      const lines = r.stdout.split('\n');
      const establish = lines.indexOf(`<${host.address}> ESTABLISH SSH CONNECTION FOR USER: root`);
      const visibleTask = lines.findIndex((l) => l.startsWith('TASK [visible]'));
      const firstResult = lines.findIndex((l) => l.startsWith(`changed: [${host.name}]`));
      expect(establish).toBeGreaterThan(visibleTask);
      expect(establish).toBeLessThan(firstResult);
      const exec = lines.filter((l) => l.startsWith(`<${host.address}> SSH: EXEC `));
      expect(exec).toHaveLength(2);
      expect(r.stdout).toMatch(/SSH: EXEC [^\n]*[\s\S]*echo visible-word/);
      expect(exec[1]).toBe(`<${host.address}> SSH: EXEC <command hidden: 'no_log: true' was specified>`);
      expect(r.stdout).not.toContain('hidden-word');
      expect(r.stderr).not.toContain('SSH: EXEC');
    } finally {
      pb.remove();
    }
  }, 120_000);

  it('below -vvv there are no connection lines', () => {
    const [host] = reserved() as [LabHost];
    const pb = playbookDir('tsible-vv.', [host], PLAYBOOK);
    try {
      const r = spawnSync(process.execPath, pb.argv('-vv'), { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
      expect(r.status).toBe(0);
      expect(`${r.stdout}${r.stderr}`).not.toContain('ESTABLISH SSH CONNECTION');
    } finally {
      pb.remove();
    }
  }, 120_000);
});

describe('-vvv on the local connection', () => {
  it('says once that the local connection is established, then shows each command', () => {
    const pb = playbookDir('tsible-vvv-local.', [], PLAYBOOK.replace('hosts: targets', 'hosts: localhost'));
    try {
      const r = spawnSync(process.execPath, [...pb.argv('-vvv'), '-c', 'local', '-i', 'localhost,'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
      expect(r.status).toBe(0);
      const lines = r.stdout.split('\n');
      expect(lines.filter((l) => /^<localhost> ESTABLISH LOCAL CONNECTION FOR USER: \S+$/.test(l))).toHaveLength(1);
      expect(lines.filter((l) => l.startsWith('<localhost> EXEC '))).toHaveLength(2);
      expect(r.stdout).not.toContain('hidden-word');
    } finally {
      pb.remove();
    }
  }, 60_000);
});
