// The floor for bench/adhoc.ts as a program of its own: start node, load
// ssh2, connect to every host given (address per argument) as root with the
// key file, run `true` once on each, all at once, exit.
//   node bench/adhoc-floor.mjs KEYFILE ADDRESS...
import { readFileSync } from 'node:fs';
import ssh2 from 'ssh2';

const [keyFile, ...addresses] = process.argv.slice(2);
const privateKey = readFileSync(keyFile);

function runTrue(host) {
  return new Promise((resolve, reject) => {
    const client = new ssh2.Client();
    client
      .on('ready', () => {
        client.exec('true', (err, stream) => {
          if (err) return reject(err);
          stream.on('close', (code) => {
            client.end();
            if (code === 0) resolve();
            else reject(new Error(`${host}: exit ${code}`));
          });
          stream.resume();
          stream.stderr.resume();
        });
      })
      .on('error', reject)
      .connect({ host, port: 22, username: 'root', privateKey, readyTimeout: 10_000 });
  });
}

await Promise.all(addresses.map(runTrue));
