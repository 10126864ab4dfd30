import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeLab, labInfo, useLabHosts } from '../lab/lab.js';
import { onHost, runPlaybook } from './recipe-run.js';
import type { LabHost } from '../../packages/engine/src/lab/index.js';

const RECIPE = fileURLToPath(new URL('../../playbooks/k8s-node-upgrade.yml', import.meta.url));
const KUBECTL = fileURLToPath(new URL('../fixtures/recipes/kubectl-double', import.meta.url));
const KUBELET_INIT = fileURLToPath(new URL('../modules-system/fixtures/tsible-demo.init', import.meta.url));
/** An installed package held and "upgraded" to the version it already has (the lab has no mirror). */
const PACKAGE = 'bc';
/** A lab host shares the machine's kernel (and boot_id): its boot is told by its PID 1's start time. */
const BOOT_TIME = "cut -d' ' -f22 /proc/1/stat";


function inventory(dir: string, control: LabHost, nodes: readonly LabHost[]): string {
  const state = labInfo();
  const line = (h: LabHost) => `${h.name} ansible_host=${h.address}`;
  const text = ['[control]', line(control), '[k8s_workers]', ...nodes.map(line), '[all:vars]', 'ansible_user=root', `ansible_ssh_private_key_file=${state.keyFile}`, `ansible_ssh_common_args='-o UserKnownHostsFile=${state.knownHostsFile} -o StrictHostKeyChecking=yes'`, ''].join('\n');
  writeFileSync(join(dir, 'hosts.ini'), text);
  return join(dir, 'hosts.ini');
}

/** kubectl calls recorded on the control host: [time, verb, node]. */
function kubectlCalls(control: LabHost): Array<{ at: number; verb: string; node: string }> {
  return onHost(control, 'cat /root/kubectl.log 2>/dev/null || true')
    .trim()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      // `kubectl get node NAME ...` names the node one word later than cordon/drain/uncordon NAME.
      const [at = '0', verb = '', ...rest] = l.split(' ');
      return { at: Number(at), verb, node: (verb === 'get' ? rest[1] : rest[0]) ?? '' };
    });
}

describeLab('k8s-node-upgrade recipe on lab hosts (kubectl double on the control host)', () => {
  const reserved = useLabHosts(3);
  let dir: string;
  let hosts: { control: LabHost; nodes: LabHost[] };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tsible-k8s-recipe-'));
    const [control, ...nodes] = reserved() as [LabHost, ...LabHost[]];
    hosts = { control, nodes };
    onHost(control, 'cat > /usr/local/bin/kubectl && chmod 755 /usr/local/bin/kubectl', readFileSync(KUBECTL, 'utf8'));
    for (const node of nodes) onHost(node, 'cat > /etc/init.d/kubelet && chmod 755 /etc/init.d/kubelet && /etc/init.d/kubelet start', readFileSync(KUBELET_INIT, 'utf8'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (vars: Record<string, unknown>) => {
    const version = onHost(hosts.nodes[0]!, `dpkg-query -W -f '\${Version}' ${PACKAGE}`).trim();
    const extra = JSON.stringify({ k8s_control_host: hosts.control.name, k8s_version: version, k8s_packages: [PACKAGE], k8s_kubeadm_upgrade: false, k8s_apt_update_cache: false, k8s_boot_time_command: BOOT_TIME, ...vars });
    return runPlaybook(['-i', inventory(dir, hosts.control, hosts.nodes), '-e', extra, RECIPE]);
  };

  it('bad inputs stop the run in the pre-flight play: nothing is cordoned', () => {
    onHost(hosts.control, 'rm -f /root/kubectl.log');
    const r = run({ k8s_version: 'latest' });
    expect(r.code).toBe(2);
    expect(r.out).toContain('k8s_version (e.g. 1.29.3-1.1) and k8s_control_host (an inventory host) are required');
    expect(r.out).not.toContain('Upgrade worker nodes');
    expect(kubectlCalls(hosts.control)).toEqual([]);
  }, 300_000);

  it('per node: cordon, drain, packages upgraded and held, kubelet restarted, Ready, uncordon', () => {
    onHost(hosts.control, 'rm -f /root/kubectl.log /root/kubectl-fail-drain');
    const r = run({});
    expect(r.out).toMatch(/PLAY RECAP/);
    if (r.code !== 0) throw new Error(`the recipe failed (exit ${r.code}):\n${r.out}`);
    const calls = kubectlCalls(hosts.control);
    for (const node of hosts.nodes) {
      const mine = calls.filter((c) => c.node === node.name);
      expect(mine.map((c) => c.verb)).toEqual(['get', 'cordon', 'drain', 'get', 'uncordon', 'get']);
      const drained = mine[2]!.at;
      const uncordoned = mine[4]!.at;
      // The kubelet restart (stop + start in its log) falls between drain and uncordon.
      const restarts = onHost(node, 'cat /run/tsible-demo.log').trim().split('\n').map((l) => l.split(' ')).filter(([, what]) => what === 'stop');
      expect(restarts).toHaveLength(1);
      const restartedAt = Number(restarts[0]![0]);
      expect(restartedAt).toBeGreaterThan(drained);
      expect(restartedAt).toBeLessThan(uncordoned);
      expect(onHost(node, `dpkg --get-selections ${PACKAGE}`)).toMatch(/^bc\s+hold$/m);
    }
  }, 300_000);

  it('goes node by node, and a failing batch stops the run before the next one', () => {
    onHost(hosts.control, 'rm -f /root/kubectl.log');
    const [first, second] = hosts.nodes as [LabHost, LabHost];
    onHost(second, 'touch /var/run/reboot-required');
    const booted = [onHost(first, BOOT_TIME), onHost(second, BOOT_TIME)];
    const ok = run({});
    if (ok.code !== 0) throw new Error(`the recipe failed (exit ${ok.code}):\n${ok.out}`);
    const calls = kubectlCalls(hosts.control).filter((c) => c.verb !== 'get');
    // Serial 1 first: the first node is uncordoned before the second is cordoned.
    expect(calls.map((c) => `${c.verb} ${c.node}`)).toEqual([`cordon ${first.name}`, `drain ${first.name}`, `uncordon ${first.name}`, `cordon ${second.name}`, `drain ${second.name}`, `uncordon ${second.name}`]);
    // Only the node that asked for it was rebooted.
    expect(onHost(first, BOOT_TIME)).toBe(booted[0]);
    expect(onHost(second, BOOT_TIME)).not.toBe(booted[1]);

    onHost(hosts.control, `rm -f /root/kubectl.log; echo ${first.name} > /root/kubectl-fail-drain`);
    const failed = run({});
    expect(failed.code).toBe(2);
    const after = kubectlCalls(hosts.control).filter((c) => c.verb !== 'get');
    expect(after.map((c) => `${c.verb} ${c.node}`)).toEqual([`cordon ${first.name}`, `drain ${first.name}`]);
    onHost(hosts.control, 'rm -f /root/kubectl-fail-drain');
  }, 300_000);
});
