/** jest global teardown of the integration project: the test lab goes, unless TSIBLE_TEST_LAB_KEEP=1. */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export default function globalTeardown(): void {
  const infoFile = process.env.TSIBLE_TEST_LAB_INFO;
  const name = process.env.TSIBLE_TEST_LAB_NAME;
  if (!infoFile || !name || process.env.TSIBLE_TEST_LAB_KEEP === '1') return;
  rmSync(infoFile, { force: true });
  const cli = join(resolve(__dirname, '../..'), 'packages/engine/bin/tsible.js');
  const down = spawnSync(process.execPath, [cli, 'lab', 'down', '--name', name], { encoding: 'utf8' });
  if (down.status !== 0) throw new Error(`tsible lab down failed:\n${down.stdout}${down.stderr}`);
}
