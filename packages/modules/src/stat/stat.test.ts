import { mkdirSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { statModule } from './stat.js';
import { runLocal, tempWorkspace } from '../testing/module-harness.js';

const ws = tempWorkspace('stat');
beforeEach(ws.setup);
afterEach(ws.cleanup);
const at = (name: string): string => join(ws.dir(), name);

describe('stat', () => {
  it('reports a file with each checksum algorithm in one exec', async () => {
    writeFileSync(at('f'), 'abc');
    chmodSync(at('f'), 0o640);
    const sums: Record<string, string> = {
      md5: '900150983cd24fb0d6963f7d28e17f72',
      sha1: 'a9993e364706816aba3e25717850c26c9cd0d89d',
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    };
    for (const [algorithm, sum] of Object.entries(sums)) {
      const run = await runLocal(statModule, { path: at('f'), checksum_algorithm: algorithm });
      expect(run.execs).toBe(1);
      expect(run.result['stat']).toMatchObject({ exists: true, isreg: true, mode: '0640', size: 3, checksum: sum, rusr: true, wgrp: false, readable: true });
    }
  });

  it('a missing path is exists=false, not a failure', async () => {
    expect((await runLocal(statModule, { path: at('nope') })).result).toMatchObject({ changed: false, stat: { exists: false } });
  });

  it('describes a symlink itself, or its target with follow', async () => {
    writeFileSync(at('f'), 'abc');
    symlinkSync('f', at('l'));
    const own = await runLocal(statModule, { path: at('l') });
    expect(own.result['stat']).toMatchObject({ islnk: true, lnk_target: 'f', lnk_source: at('f') });
    const followed = await runLocal(statModule, { path: at('l'), follow: true });
    expect(followed.result['stat']).toMatchObject({ islnk: false, isreg: true, size: 3, checksum: 'a9993e364706816aba3e25717850c26c9cd0d89d' });
  });

  it('directories have no checksum', async () => {
    mkdirSync(at('d'));
    const run = await runLocal(statModule, { path: at('d') });
    expect(run.result['stat']).toMatchObject({ isdir: true });
    expect((run.result['stat'] as Record<string, unknown>)['checksum']).toBeUndefined();
  });

  it('rejects an unknown algorithm in Ansible words', async () => {
    const run = await runLocal(statModule, { path: at('f'), checksum_algorithm: 'crc' });
    expect(run.result).toMatchObject({ failed: true, msg: 'value of checksum_algorithm must be one of: md5, sha1, sha224, sha256, sha384, sha512, got: crc' });
  });
});
