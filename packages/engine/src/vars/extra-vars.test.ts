import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadExtraVars } from './extra-vars.js';
import { TsibleError } from '../errors/tsible-error.js';

describe('loadExtraVars', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tsible-extra-vars-'));
    writeFileSync(join(dir, 'vars.yml'), 'port: 8080\nenabled: yes\nname: web\n');
    writeFileSync(join(dir, 'bad.yml'), 'a: [1, 2\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('merges key=value, JSON, YAML and @file left to right', async () => {
    const vars = await loadExtraVars(['name=db', '{"port": 5432, "list": [1]}', '@vars.yml', 'extra="two words"'], dir);
    expect(vars).toEqual({ name: 'web', port: 8080, list: [1], enabled: true, extra: 'two words' });
  });

  it('rejects values that are not mappings and file names without @', async () => {
    await expect(loadExtraVars(['[1, 2]'], dir)).rejects.toThrow("Invalid extra vars data supplied. '[1, 2]' could not be made into a dictionary");
    await expect(loadExtraVars(['./vars.yml'], dir)).rejects.toThrow("Please prepend extra_vars filename './vars.yml' with '@'");
  });

  it('names file, line and column of a YAML error', async () => {
    const err: unknown = await loadExtraVars(['@bad.yml'], dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TsibleError);
    expect((err as TsibleError).location?.file).toBe(join(dir, 'bad.yml'));
    expect((err as TsibleError).exitCode).toBe(4);
  });
});
