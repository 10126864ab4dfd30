import type { Duplex } from 'node:stream';
import ssh2, { type Client } from 'ssh2';
import { createAuthHandler, type AuthReport, type AuthSources } from './auth.js';
import type { HostKeyCheck } from './host-key-check.js';
import { describeSocketError } from './tcp-socket.js';

export interface HandshakeTarget {
  host: string;
  port: number;
  auth: AuthSources;
  hostKeys: HostKeyCheck;
  timeoutMs: number;
  keepaliveIntervalMs: number;
  keepaliveCountMax: number;
  debug?: ((message: string) => void) | undefined;
}

/** Why a handshake failed, worded for the user; `hint` says what to do. */
export class HandshakeError extends Error {
  constructor(
    message: string,
    readonly kind: 'network' | 'host-key' | 'auth' | 'protocol',
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'HandshakeError';
  }
}

/** Runs the SSH handshake and authentication over an open socket or channel. */
export function sshHandshake(sock: Duplex, target: HandshakeTarget): Promise<Client> {
  const client = new ssh2.Client();
  const report: AuthReport = { serverMethods: [], notes: [] };
  return new Promise<Client>((resolve, reject) => {
    let done = false;
    const finish = (error?: HandshakeError): void => {
      if (done) return;
      done = true;
      if (error) {
        client.end();
        sock.destroy();
        reject(error);
      } else {
        resolve(client);
      }
    };
    client.once('ready', () => finish());
    client.on('error', (error: Error & { level?: string; code?: string }) => finish(describeFailure(error, target, report)));
    client.once('close', () => finish(new HandshakeError(`Connection closed by ${target.host} port ${target.port}`, 'network')));
    client.connect({
      sock,
      username: target.auth.user,
      hostVerifier: (key: Buffer) => target.hostKeys.verify(key),
      algorithms: { serverHostKey: target.hostKeys.algorithms },
      authHandler: createAuthHandler(target.auth, report),
      readyTimeout: target.timeoutMs,
      keepaliveInterval: target.keepaliveIntervalMs,
      keepaliveCountMax: target.keepaliveCountMax,
      ...(target.debug ? { debug: target.debug } : {}),
    });
  });
}

function describeFailure(error: Error & { level?: string; code?: string }, target: HandshakeTarget, report: AuthReport): HandshakeError {
  const problem = target.hostKeys.problem();
  if (problem) return new HandshakeError(problem.message, 'host-key', problem.hint);
  if (error.level === 'client-authentication') {
    const methods = report.serverMethods.length > 0 ? report.serverMethods.join(',') : 'publickey';
    const notes = report.notes.length > 0 ? ` (${report.notes.join('; ')})` : '';
    return new HandshakeError(`${target.auth.user}@${target.host}: Permission denied (${methods}).${notes}`, 'auth');
  }
  if (error.level === 'client-timeout' || /Timed out while waiting for handshake/.test(error.message)) {
    return new HandshakeError(`Connection timed out during banner exchange with ${target.host} port ${target.port}`, 'network');
  }
  if (/Connection lost before handshake/.test(error.message)) {
    return new HandshakeError(`kex_exchange_identification: Connection closed by remote host ${target.host} port ${target.port}`, 'network');
  }
  if (error.level === 'client-socket' && error.code) {
    return new HandshakeError(describeSocketError(error as NodeJS.ErrnoException, target.host, target.port), 'network');
  }
  const kind = error.level === 'client-socket' ? 'network' : 'protocol';
  return new HandshakeError(`${error.message} (${target.host} port ${target.port})`, kind);
}
