import type { Duplex } from 'node:stream';
import type { Client } from 'ssh2';
import type { SshConnectionOptions } from '../options/connection-options.js';
import type { SshEndpoint } from '../options/jump-spec.js';
import { HandshakeError, sshHandshake, type HandshakeTarget } from './handshake.js';
import { createHostKeyCheck } from './host-key-check.js';
import { spawnProxyCommand } from './proxy-command.js';
import { openTcpSocket } from './tcp-socket.js';

export interface OpenRoute {
  /** The connection to the target host. */
  client: Client;
  /** Jump host connections carrying it, first hop first. */
  hops: Client[];
  warnings: string[];
}

/**
 * Connects to the target, directly, through a ProxyCommand, or through each
 * ProxyJump hop in turn (a direct-tcpip channel on the previous hop carries
 * the next handshake). Every hop's host key is verified.
 */
export async function openRoute(options: SshConnectionOptions, debug?: (message: string) => void): Promise<OpenRoute> {
  const hops: Client[] = [];
  const warnings: string[] = [];
  try {
    const endpoints: SshEndpoint[] = [...options.jumps, { host: options.host, port: options.port, user: options.user, identityFiles: [] }];
    let sock: Duplex = await firstSocket(options, endpoints[0]!);
    for (let i = 0; i < endpoints.length; i += 1) {
      const endpoint = endpoints[i]!;
      const isTarget = i === endpoints.length - 1;
      const target = handshakeTarget(options, endpoint, isTarget, debug);
      const client = await sshHandshake(sock, target).catch((error: unknown) => {
        throw isTarget || !(error instanceof HandshakeError) ? error : new HandshakeError(`jump host ${endpoint.host}: ${error.message}`, error.kind, error.hint);
      });
      warnings.push(...target.hostKeys.warnings());
      if (isTarget) return { client, hops, warnings };
      hops.push(client);
      sock = await forward(client, endpoint, endpoints[i + 1]!, options.connectTimeoutMs);
    }
    throw new Error('unreachable: route without target');
  } catch (error) {
    hops.forEach((hop) => hop.end());
    throw error;
  }
}

async function firstSocket(options: SshConnectionOptions, first: SshEndpoint): Promise<Duplex> {
  if (options.jumps.length === 0 && options.proxyCommand !== undefined) {
    return spawnProxyCommand(options.proxyCommand, { host: options.host, port: options.port, user: options.user });
  }
  try {
    return await openTcpSocket(first.host, first.port, options.connectTimeoutMs);
  } catch (error) {
    throw new HandshakeError((error as Error).message, 'network');
  }
}

function handshakeTarget(options: SshConnectionOptions, endpoint: SshEndpoint, isTarget: boolean, debug?: (message: string) => void): HandshakeTarget {
  // Only files the user named are worth a note when missing, not ssh's defaults.
  const explicit = isTarget ? (options.identityFilesNamed ? options.identityFiles : []) : endpoint.identityFiles;
  const identityFiles = isTarget ? options.identityFiles : [...new Set([...endpoint.identityFiles, ...options.identityFiles])];
  return {
    host: endpoint.host,
    port: endpoint.port,
    auth: {
      user: endpoint.user,
      // The password belongs to the target host only.
      password: isTarget ? options.password : undefined,
      identityFiles,
      explicitIdentityFiles: explicit,
      agentSocket: options.agentSocket,
      identitiesOnly: options.identitiesOnly,
      promptPassphrase: options.settings.promptPassphrase,
    },
    hostKeys: isTarget && options.hostKeyAlias !== undefined
      ? createHostKeyCheck(options.hostKeyAlias, 22, options.hostKeyPolicy, options.knownHostsFiles)
      : createHostKeyCheck(endpoint.host, endpoint.port, options.hostKeyPolicy, options.knownHostsFiles),
    timeoutMs: options.connectTimeoutMs,
    keepaliveIntervalMs: options.keepaliveIntervalMs,
    keepaliveCountMax: options.keepaliveCountMax,
    debug,
  };
}

function forward(client: Client, via: SshEndpoint, to: SshEndpoint, timeoutMs: number): Promise<Duplex> {
  return new Promise<Duplex>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new HandshakeError(`ssh: connect to host ${to.host} port ${to.port} via ${via.host}: Connection timed out`, 'network'));
    }, timeoutMs);
    client.forwardOut('127.0.0.1', 0, to.host, to.port, (error, channel) => {
      clearTimeout(timer);
      if (error) {
        const reason = error.message.replace(/^\(SSH\) Channel open failure: /, '');
        reject(new HandshakeError(`ssh: connect to host ${to.host} port ${to.port} via ${via.host}: ${reason}`, 'network'));
      } else {
        resolve(channel);
      }
    });
  });
}
