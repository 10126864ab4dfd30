import { spawn } from 'node:child_process';
import { Duplex } from 'node:stream';
import { shellQuote } from '../quote.js';

/**
 * Runs a ProxyCommand locally and uses its stdin/stdout as the SSH transport.
 * %h, %p, %r and %% are substituted with quoted values.
 */
export function spawnProxyCommand(template: string, values: { host: string; port: number; user: string }): Duplex {
  const command = template.replace(/%([%hpr])/g, (_, token: string) =>
    token === 'h' ? shellQuote(values.host) : token === 'p' ? String(values.port) : token === 'r' ? shellQuote(values.user) : '%',
  );
  const child = spawn('/bin/sh', ['-c', command], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-2000);
  });
  const duplex = Duplex.from({ readable: child.stdout, writable: child.stdin });
  child.on('exit', (code) => {
    if (code !== 0 && code !== null) {
      duplex.destroy(new Error(`ProxyCommand exited with ${code}${stderr ? `: ${stderr.trim()}` : ''}`));
    }
  });
  duplex.on('close', () => {
    if (child.exitCode === null) child.kill();
  });
  return duplex;
}
