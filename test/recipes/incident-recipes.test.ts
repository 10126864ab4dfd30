import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeLab, labInventoryPath, useLabHosts } from '../lab/lab.js';
import { onHost, runPlaybook } from './recipe-run.js';
import type { LabHost } from '../../packages/engine/src/lab/index.js';

const PLAYBOOKS = fileURLToPath(new URL('../../playbooks', import.meta.url));
const DEMO_INIT = fileURLToPath(new URL('../modules-system/fixtures/tsible-demo.init', import.meta.url));
/** The demo daemon's process id, or '' when it is not running (see tsible-demo.init). */
const DAEMON_PID = "pgrep -f '^/bin/sleep 4242424$' || true";

function recipe(name: string, hosts: readonly LabHost[], vars: readonly string[]) {
  const extra = vars.flatMap((v) => ['-e', v]);
  return runPlaybook(['-i', labInventoryPath(), '--limit', hosts.map((h) => h.name).join(','), ...extra, join(PLAYBOOKS, `${name}.yml`)]);
}

function putDemoService(host: LabHost): void {
  onHost(host, 'cat > /etc/init.d/tsible-demo && chmod 755 /etc/init.d/tsible-demo && /etc/init.d/tsible-demo start', readFileSync(DEMO_INIT, 'utf8'));
}

describeLab('incident recipes on lab hosts', () => {
  const reserved = useLabHosts(2);

  it('incident-block-ip drops an address on every host, then removes the rule; a bad address changes nothing', () => {
    const hosts = reserved();
    const rules = (h: LabHost) => onHost(h, 'iptables -S INPUT');
    const bad = recipe('incident-block-ip', hosts, ['blocked_ip=203.0.113.999x']);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('blocked_ip must be an IPv4 address or CIDR');
    for (const h of hosts) expect(rules(h)).not.toContain('203.0.113');

    const block = recipe('incident-block-ip', hosts, ['blocked_ip=203.0.113.7']);
    expect(block.code).toBe(0);
    for (const h of hosts) expect(rules(h)).toMatch(/-A INPUT -s 203\.0\.113\.7(\/32)? .*incident-block 203\.0\.113\.7.* -j DROP/);
    expect(recipe('incident-block-ip', hosts, ['blocked_ip=203.0.113.7']).out).toMatch(/changed=0/);

    const unblock = recipe('incident-block-ip', hosts, ['blocked_ip=203.0.113.7', 'block_state=absent']);
    expect(unblock.code).toBe(0);
    for (const h of hosts) expect(rules(h)).not.toContain('203.0.113.7');
  }, 240_000);

  it('incident-restart-service restarts the service where it is installed and fetches its log per host', () => {
    const [withService, without] = reserved() as [LabHost, LabHost];
    putDemoService(withService);
    const before = onHost(withService, DAEMON_PID).trim();
    expect(before).not.toBe('');
    const logs = mkdtempSync(join(tmpdir(), 'tsible-incident-logs-'));
    try {
      const r = recipe('incident-restart-service', [withService, without], ['service_name=tsible-demo', 'log_file=/run/tsible-demo.log', `logs_dir=${logs}`, 'log_lines=5']);
      expect(r.code).toBe(0);
      const after = onHost(withService, DAEMON_PID).trim();
      expect(after).not.toBe('');
      expect(after).not.toBe(before);
      expect(readdirSync(logs)).toEqual([withService.name]);
      const log = readFileSync(join(logs, withService.name, 'tsible-demo.log'), 'utf8').trim().split('\n');
      expect(log.slice(-2).map((l) => l.split(' ')[1])).toEqual(['stop', 'start']);
      // The temporary copy on the host is gone.
      expect(onHost(withService, "ls /tmp | grep -c '^tmp\\.' || true").trim()).toBe('0');
    } finally {
      rmSync(logs, { recursive: true, force: true });
      onHost(withService, '/etc/init.d/tsible-demo stop');
    }
  }, 240_000);

  it('incident-rotate-ssh-key installs the new key and removes the old one', () => {
    const hosts = reserved();
    const dir = mkdtempSync(join(tmpdir(), 'tsible-rotate-'));
    try {
      for (const k of ['old', 'new']) spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', `${k}@example`, '-f', join(dir, k)]);
      const oldKey = readFileSync(join(dir, 'old.pub'), 'utf8').trim();
      const newKey = readFileSync(join(dir, 'new.pub'), 'utf8').trim();
      for (const h of hosts) onHost(h, `install -d -o tester -m 700 ~tester/.ssh && echo '${oldKey}' > ~tester/.ssh/authorized_keys && chown tester ~tester/.ssh/authorized_keys`);
      const r = recipe('incident-rotate-ssh-key', hosts, ['key_user=tester', `new_key='${newKey}'`, `old_key='${oldKey}'`]);
      expect(r.code).toBe(0);
      for (const h of hosts) expect(onHost(h, 'cat ~tester/.ssh/authorized_keys').trim()).toBe(newKey);
      const same = recipe('incident-rotate-ssh-key', hosts, ['key_user=tester', `new_key='${newKey}'`, `old_key='${newKey}'`]);
      expect(same.code).toBe(2);
      for (const h of hosts) expect(onHost(h, 'cat ~tester/.ssh/authorized_keys').trim()).toBe(newKey);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);

  it('incident-rotation takes a host out (port rejected, service stopped) and brings it back', () => {
    const [host] = reserved() as [LabHost];
    putDemoService(host);
    const vars = ['service_name=tsible-demo', 'service_port=8080'];
    const out = recipe('incident-rotation', [host], ['rotation=out', ...vars]);
    expect(out.code).toBe(0);
    expect(onHost(host, 'iptables -S INPUT')).toMatch(/-p tcp .*--dport 8080 .*out-of-rotation tsible-demo.* -j REJECT --reject-with tcp-reset/);
    expect(onHost(host, DAEMON_PID).trim()).toBe('');

    const back = recipe('incident-rotation', [host], ['rotation=in', ...vars]);
    expect(back.code).toBe(0);
    expect(onHost(host, 'iptables -S INPUT')).not.toContain('8080');
    expect(onHost(host, DAEMON_PID).trim()).not.toBe('');
    onHost(host, '/etc/init.d/tsible-demo stop');
  }, 240_000);
});
