import type { LabHost, LabState } from './types.js';

/** Group names of a lab inventory (valid Ansible group names: no "-"). */
export const LAB_GROUP = 'tsible_lab';
export const PUBLIC_GROUP = 'lab';
export const PRIVATE_GROUP = 'lab_private';

/** ssh options that keep host key checking on, against the lab's own known_hosts. */
function checkedSshOptions(state: LabState): string {
  return `-o UserKnownHostsFile=${state.knownHostsFile} -o StrictHostKeyChecking=yes`;
}

/** The jump host of a private host: host 1, which has a leg on both networks. */
export function jumpHostOf(state: LabState): LabHost | undefined {
  return state.hosts.find((h) => !h.private);
}

/**
 * How to reach a private host: through host 1, with the same key and
 * known_hosts (ProxyJump would not pass -i or -o on to the jump).
 */
export function proxyCommand(state: LabState): string {
  const jump = jumpHostOf(state);
  return `ssh -i ${state.keyFile} ${checkedSshOptions(state)} -o BatchMode=yes -W %h:%p root@${jump?.address ?? ''}`;
}

/** ansible_ssh_common_args of a private host. */
export function privateHostSshArgs(state: LabState): string {
  return `${checkedSshOptions(state)} -o ProxyCommand="${proxyCommand(state)}"`;
}

/** An Ansible INI inventory of the lab (state paths never contain quotes or spaces: `up` checks). */
export function renderInventory(state: LabState): string {
  const line = (h: LabHost, extra = '') => `${h.name} ansible_host=${h.address}${extra}`;
  const pub = state.hosts.filter((h) => !h.private);
  const priv = state.hosts.filter((h) => h.private);
  const out = [
    `# tsible lab "${state.name}": ${state.hosts.length} hosts. Host keys are checked against the lab's known_hosts.`,
    `[${PUBLIC_GROUP}]`,
    ...pub.map((h) => line(h)),
    '',
  ];
  if (priv.length > 0) {
    out.push(
      `# reachable only through ${jumpHostOf(state)?.name ?? 'host 1'}`,
      `[${PRIVATE_GROUP}]`,
      ...priv.map((h) => line(h, ` ansible_ssh_common_args='${privateHostSshArgs(state)}'`)),
      '',
    );
  }
  out.push(
    `[${LAB_GROUP}:children]`,
    PUBLIC_GROUP,
    ...(priv.length > 0 ? [PRIVATE_GROUP] : []),
    '',
    `[${LAB_GROUP}:vars]`,
    'ansible_user=root',
    `ansible_ssh_private_key_file=${state.keyFile}`,
    `ansible_ssh_common_args='${checkedSshOptions(state)}'`,
    '',
  );
  return out.join('\n');
}

/** An OpenSSH client config for people: `ssh -F STATE/ssh_config NAME-1`. */
export function renderSshConfig(state: LabState): string {
  const jump = jumpHostOf(state);
  const out: string[] = [`# tsible lab "${state.name}"`];
  for (const h of state.hosts) {
    out.push(`Host ${h.name}`, `  HostName ${h.address}`);
    if (h.private && jump) out.push(`  ProxyJump ${jump.name}`);
  }
  out.push(
    `Host ${state.hosts.map((h) => h.name).join(' ')}`,
    '  User root',
    `  IdentityFile ${state.keyFile}`,
    '  IdentitiesOnly yes',
    `  UserKnownHostsFile ${state.knownHostsFile}`,
    '  StrictHostKeyChecking yes',
    '',
  );
  return out.join('\n');
}
