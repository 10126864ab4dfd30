import type { LabHost } from './types.js';

/**
 * sshd_config of every lab host. Key login for root, password login for the
 * lab users (password-auth tests), no PAM and no DNS lookups (fast logins),
 * room for many parallel sessions and connections.
 */
export function sshdConfig(): string {
  return [
    '# tsible lab host sshd configuration',
    'Port 22',
    'ListenAddress 0.0.0.0',
    'HostKey /etc/ssh/ssh_host_ed25519_key',
    'PidFile /run/sshd.pid',
    'PermitRootLogin prohibit-password',
    'PubkeyAuthentication yes',
    'PasswordAuthentication yes',
    'KbdInteractiveAuthentication no',
    'UsePAM no',
    'UseDNS no',
    'AcceptEnv *',
    'MaxSessions 64',
    'MaxStartups 256',
    'MaxAuthTries 10',
    'AllowTcpForwarding yes',
    'X11Forwarding no',
    'PrintMotd no',
    'PrintLastLog no',
    'Subsystem sftp /usr/lib/openssh/sftp-server',
    '',
  ].join('\n');
}

/** /etc/hosts of a lab host: its own name, and every lab host by name. */
export function etcHosts(self: LabHost, hosts: readonly LabHost[]): string {
  const lines = [
    '127.0.0.1\tlocalhost',
    `127.0.1.1\t${self.name}`,
    '::1\tlocalhost ip6-localhost ip6-loopback',
    'ff02::1\tip6-allnodes',
    'ff02::2\tip6-allrouters',
    '# tsible lab hosts',
    ...hosts.map((h) => `${h.address}\t${h.name}`),
  ];
  return lines.join('\n') + '\n';
}

/** The apt source list of a lab host: the lab's local repository and nothing else. */
export function aptSources(repoDir: string): string {
  return `# tsible lab: local repository, works offline\ndeb [trusted=yes] file:${repoDir} ./\n`;
}

/**
 * /etc/resolv.conf of a lab host: no name server is reachable from a lab, so
 * lookups fail at once (loopback refuses) instead of timing out; lab names
 * come from /etc/hosts.
 */
export function resolvConf(): string {
  return '# tsible lab host: offline; lab host names are in /etc/hosts\nnameserver 127.0.0.1\n';
}
