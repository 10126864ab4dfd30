// The floor as a program of its own: start node, load ssh2, connect to every
// host given (address per argument) as root with the key file, then run `true`
// EXECS times on each (default 1; each round waits for every host, like the
// linear strategy waits for every host before the next task), exit.
//   EXECS=30 node bench/adhoc-floor.mjs KEYFILE ADDRESS...
// bench/adhoc.ts uses one exec, bench/playbook-modules.ts one per task.
import { readFileSync } from 'node:fs';
import ssh2 from 'ssh2';

const [keyFile, ...addresses] = process.argv.slice(2);
const privateKey = readFileSync(keyFile);
const execs = Number(process.env.EXECS ?? 1);

function connect(host) {
  return new Promise((resolve, reject) => {
    const client = new ssh2.Client();
    client
      .on('ready', () => resolve(client))
      .on('error', reject)
      .connect({ host, port: 22, username: 'root', privateKey, readyTimeout: 10_000 });
  });
}

function runTrue(client, host) {
  return new Promise((resolve, reject) => {
    client.exec('true', (err, stream) => {
      if (err) return reject(err);
      stream.on('close', (code) => {
        if (code === 0) resolve();
        else reject(new Error(`${host}: exit ${code}`));
      });
      stream.resume();
      stream.stderr.resume();
    });
  });
}

// Connect and run the first exec without waiting for the other hosts, as the original single-exec floor did.
const clients = await Promise.all(addresses.map(async (host) => {
  const client = await connect(host);
  await runTrue(client, host);
  return client;
}));
for (let round = 1; round < execs; round++) {
  await Promise.all(clients.map((client, i) => runTrue(client, addresses[i])));
}
for (const client of clients) client.end();
