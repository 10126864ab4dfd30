import { spawn } from 'node:child_process';
import { Duplex } from 'node:stream';
import { shellQuote } from '../quote.js';

/**
 * Runs a ProxyCommand locally and uses its stdin/stdout as the SSH transport.
 * %h, %p, %r and %% are substituted with quoted values. When the command
 * fails, the transport error carries its exit status and stderr.
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
  // Write errors (EPIPE) only mean the command is gone; its exit explains why.
  child.stdin.on('error', () => undefined);
  const duplex = new Duplex({
    read() {
      child.stdout.resume();
    },
    write(chunk: Buffer, _encoding, callback) {
      if (child.stdin.writable) child.stdin.write(chunk);
      callback();
    },
    final(callback) {
      child.stdin.end();
      callback();
    },
    destroy(error, callback) {
      if (child.exitCode === null) child.kill();
      callback(error);
    },
  });
  child.stdout.on('data', (chunk: Buffer) => {
    if (!duplex.push(chunk)) child.stdout.pause();
  });
  child.on('close', (code) => {
    if (code === 0) duplex.push(null);
    else duplex.destroy(new Error(`ProxyCommand (${command}) failed with exit status ${code ?? 'unknown'}${stderr ? `: ${stderr.trim()}` : ''}`));
  });
  child.on('error', (error) => duplex.destroy(error));
  return duplex;
}
