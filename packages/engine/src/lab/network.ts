import { TsibleError } from '../errors/tsible-error.js';
import { LAB_RANGE, isLabBridge, networkPlan, slotCandidates, type NetworkPlan } from './address-plan.js';
import { run } from './exec.js';
import type { LabHost } from './types.js';

/** Runs a list of `ip` commands in one process (`ip -batch`), inside `netns` when given. */
async function ipBatch(lines: string[], netns?: string, tolerant = false): Promise<void> {
  if (lines.length === 0) return;
  const argv = ['ip', ...(netns ? ['-n', netns] : []), ...(tolerant ? ['-force'] : []), '-batch', '-'];
  await run(argv, { input: lines.join('\n') + '\n', allowFailure: tolerant });
}

async function usedAddresses(): Promise<string> {
  return (await run(['ip', '-4', '-o', 'addr', 'show'])).stdout;
}

/**
 * Claims a network slot for a lab by creating its bridge: `ip link add` fails
 * when the name exists, which makes the claim atomic between concurrent `up`s.
 */
export async function claimNetwork(labName: string): Promise<NetworkPlan> {
  const inUse = await usedAddresses();
  for (const slot of slotCandidates(labName)) {
    const plan = networkPlan(slot);
    const prefixes = [plan.subnet, plan.privateSubnet].map((s) => ` ${s.replace(/0\/24$/, '')}`);
    if (prefixes.some((p) => inUse.includes(p))) continue;
    const created = await run(['ip', 'link', 'add', plan.bridge, 'type', 'bridge'], { allowFailure: true });
    if (created.code === 0) return plan;
  }
  throw new TsibleError('no free lab network slot in 10.213.0.0/16', {
    code: 'TSIBLE_LAB_NO_SLOT',
    hint: 'take some labs down ("tsible lab status" lists them)',
  });
}

/** Bridges, the guard route, namespaces, veth pairs and addresses for every host. */
export async function buildNetwork(plan: NetworkPlan, hosts: LabHost[]): Promise<void> {
  const hasPrivate = hosts.some((h) => h.private);
  const root: string[] = [
    `addr add ${plan.gateway}/24 dev ${plan.bridge}`,
    `link set ${plan.bridge} up`,
  ];
  // `replace`: another lab may have added the guard route already (or be adding it right now).
  root.push(`route replace unreachable ${LAB_RANGE}`);
  if (hasPrivate) root.push(`link add ${plan.privateBridge} type bridge`, `link set ${plan.privateBridge} up`);
  for (const host of hosts) {
    root.push(`netns add ${host.netns}`);
    root.push(`link add ${host.veth} type veth peer name eth0 netns ${host.netns}`);
    root.push(`link set ${host.veth} master ${host.private ? plan.privateBridge : plan.bridge} up`);
  }
  const jump = hosts[0];
  if (hasPrivate && jump) {
    root.push(`link add ${plan.jumpVeth} type veth peer name eth1 netns ${jump.netns}`);
    root.push(`link set ${plan.jumpVeth} master ${plan.privateBridge} up`);
  }
  await ipBatch(root);
  await Promise.all(
    hosts.map((host) => {
      const inside = ['link set lo up', `addr add ${host.address}/24 dev eth0`, 'link set eth0 up'];
      if (hasPrivate && host === jump) inside.push(`addr add ${plan.jumpAddress}/24 dev eth1`, 'link set eth1 up');
      // A default route, as real hosts have (facts such as ansible_default_ipv4 rely on it). Its
      // gateway (the machine, or host 1 for private hosts) does not forward: nothing goes further.
      inside.push(`route add default via ${host.private ? plan.jumpAddress : plan.gateway}`);
      return ipBatch(inside, host.netns);
    }),
  );
}

/** PIDs of every process whose network namespace is `netns` (everything running in a lab host). */
export async function pidsInNetns(netns: string): Promise<number[]> {
  const res = await run(['ip', 'netns', 'pids', netns], { allowFailure: true });
  if (res.code !== 0) return [];
  return res.stdout.split(/\s+/).filter(Boolean).map(Number).filter((n) => Number.isInteger(n) && n > 0);
}

/**
 * Removes what buildNetwork and claimNetwork created. Tolerant: a partly
 * built lab is torn down as far as it got. The guard route goes with the last lab.
 */
export async function removeNetwork(plan: NetworkPlan, hosts: Pick<LabHost, 'netns' | 'veth'>[]): Promise<void> {
  const lines: string[] = [];
  for (const host of hosts) lines.push(`link del ${host.veth}`, `netns del ${host.netns}`);
  lines.push(`link del ${plan.jumpVeth}`, `link del ${plan.privateBridge}`, `link del ${plan.bridge}`);
  // Lines for things that were never created fail; -force carries on past them.
  await ipBatch(lines, undefined, true);
  const bridges = (await run(['ip', '-o', 'link', 'show', 'type', 'bridge'])).stdout
    .split('\n')
    .map((l) => l.split(':')[1]?.trim() ?? '')
    .filter(isLabBridge);
  if (bridges.length === 0) await run(['ip', 'route', 'del', 'unreachable', LAB_RANGE], { allowFailure: true });
}

/** Network leftovers of a lab, for verification after `down`. */
export async function networkLeftovers(plan: NetworkPlan, hosts: Pick<LabHost, 'netns' | 'veth'>[]): Promise<string[]> {
  const links = (await run(['ip', '-o', 'link', 'show'])).stdout;
  const names = new Set(links.split('\n').map((l) => (l.split(':')[1] ?? '').trim().split('@')[0]));
  const netns = new Set((await run(['ip', 'netns', 'list'])).stdout.split('\n').map((l) => l.split(' ')[0]));
  const left: string[] = [];
  for (const n of [plan.bridge, plan.privateBridge, plan.jumpVeth, ...hosts.map((h) => h.veth)]) {
    if (names.has(n)) left.push(`link ${n}`);
  }
  for (const h of hosts) if (netns.has(h.netns)) left.push(`netns ${h.netns}`);
  return left;
}

