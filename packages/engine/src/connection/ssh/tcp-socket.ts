import { connect, type Socket } from 'node:net';

/**
 * Opens the TCP socket ourselves rather than letting ssh2 do it: ssh2 leaves
 * Nagle on, and every exec then waits on a delayed ACK (tens of ms). With
 * NODELAY an exec costs about one round trip.
 */
export function openTcpSocket(host: string, port: number, timeoutMs: number): Promise<Socket> {
  return new Promise<Socket>((resolve, reject) => {
    const socket = connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`ssh: connect to host ${host} port ${port}: Connection timed out`));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.setNoDelay(true);
      socket.setKeepAlive(true, 15_000);
      resolve(socket);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      socket.destroy();
      reject(new Error(describeSocketError(error, host, port), { cause: error }));
    });
  });
}

/** OpenSSH's wording, which users and Ansible output already know. */
export function describeSocketError(error: NodeJS.ErrnoException, host: string, port: number): string {
  switch (error.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return `ssh: Could not resolve hostname ${host}: Name or service not known`;
    case 'ECONNREFUSED':
      return `ssh: connect to host ${host} port ${port}: Connection refused`;
    case 'ETIMEDOUT':
      return `ssh: connect to host ${host} port ${port}: Connection timed out`;
    case 'EHOSTUNREACH':
      return `ssh: connect to host ${host} port ${port}: No route to host`;
    case 'ENETUNREACH':
      return `ssh: connect to host ${host} port ${port}: Network is unreachable`;
    case 'ECONNRESET':
      return `Connection reset by ${host} port ${port}`;
    default:
      return `ssh: connect to host ${host} port ${port}: ${error.message}`;
  }
}
