import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { slurpModule } from './slurp.js';
import { runLocal, tempWorkspace } from '../testing/module-harness.js';

const ws = tempWorkspace('slurp');
beforeEach(ws.setup);
afterEach(ws.cleanup);
const at = (name: string): string => join(ws.dir(), name);

describe('slurp', () => {
  it('returns binary content as base64', async () => {
    const bytes = Buffer.from([0, 1, 2, 255, 10, 13]);
    writeFileSync(at('b'), bytes);
    const run = await runLocal(slurpModule, { src: at('b') });
    expect(run.result).toMatchObject({ changed: false, encoding: 'base64', source: at('b'), content: bytes.toString('base64') });
  });

  it('fails for a missing file and for a directory', async () => {
    mkdirSync(at('d'));
    expect((await runLocal(slurpModule, { path: at('nope') })).result).toMatchObject({ failed: true, msg: `file not found: ${at('nope')}` });
    expect((await runLocal(slurpModule, { src: at('d') })).result).toMatchObject({ failed: true, msg: `source is a directory and must be a file: ${at('d')}` });
  });
});

describe('slurp argument rules', () => {
  it('src is required', async () => {
    expect((await runLocal(slurpModule, {})).result).toMatchObject({ failed: true, msg: 'missing required arguments: src' });
  });
});
