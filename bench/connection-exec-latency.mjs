#!/usr/bin/env node
// Mean cost of one command over a persistent SSH connection: 100 sequential
// run({argv: ['true']}) after a warm-up. Usage:
//   node bench/connection-exec-latency.mjs HOST PORT USER KEYFILE KNOWN_HOSTS [COUNT]
// (build first: npx pnpm@9.15.9 build)
import { createConnection } from '../packages/engine/dist/index.js';

const [host, port, user, key, knownHosts, count = '100'] = process.argv.slice(2);
if (!knownHosts) {
  console.error('usage: connection-exec-latency.mjs HOST PORT USER KEYFILE KNOWN_HOSTS [COUNT]');
  process.exit(5);
}
const connection = createConnection(host, {
  ansible_host: host,
  ansible_port: Number(port),
  ansible_user: user,
  ansible_ssh_private_key_file: key,
  ansible_ssh_common_args: `-o UserKnownHostsFile=${knownHosts}`,
});
const connectStart = performance.now();
await connection.connect();
const connectMs = performance.now() - connectStart;
await connection.run({ argv: ['true'] });
const runs = Number(count);
const started = performance.now();
for (let i = 0; i < runs; i += 1) await connection.run({ argv: ['true'] });
const meanMs = (performance.now() - started) / runs;
await connection.close();
console.log(JSON.stringify({ host, connectMs: Number(connectMs.toFixed(1)), runs, meanExecMs: Number(meanMs.toFixed(2)) }));
