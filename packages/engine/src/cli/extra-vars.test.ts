import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TsibleError } from '../errors/tsible-error.js';
import { parseExtraVars, readExtraVarFiles } from './extra-vars.js';

describe('parseExtraVars (-e)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tsible-ev-'));
    writeFileSync(join(dir, 'vars.yml'), 'a: 1\nlist: [x, y]\n');
    writeFileSync(join(dir, 'list.yml'), '- 1\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads key=value pairs as strings, with quotes', () => {
    expect(parseExtraVars(['a=1 b="two words"'], dir)).toEqual({ a: '1', b: 'two words' });
  });

  it('reads inline JSON/YAML and @files; later values win', () => {
    expect(parseExtraVars(['{"a": 2, "b": true}', '@vars.yml', 'c=3'], dir)).toEqual({ a: 1, b: true, list: ['x', 'y'], c: '3' });
  });

  it('rejects empty strings, data that is not a mapping and missing files', () => {
    expect(() => parseExtraVars([' '], dir)).toThrow(TsibleError);
    expect(() => parseExtraVars(['@list.yml'], dir)).toThrow("Invalid extra vars data supplied. '@list.yml' could not be made into a dictionary");
    expect(() => parseExtraVars(['@nope.yml'], dir)).toThrow(/Could not find or access/);
  });
});

describe('readExtraVarFiles', () => {
  it('reads each @file through the given reader (which opens vaulted files) for parseExtraVars', async () => {
    const read = async (file: string): Promise<string> => (file.endsWith('vaulted.yml') ? 'token: opened-by-reader\n' : Promise.reject(new Error('ENOENT')));
    const values = ['@vaulted.yml', 'plain=1'];
    const texts = await readExtraVarFiles(values, '/work', read);
    expect([...texts.keys()]).toEqual(['/work/vaulted.yml']);
    expect(parseExtraVars(values, '/work', texts)).toEqual({ token: 'opened-by-reader', plain: '1' });
  });

  it('lets a vault error through', async () => {
    const failing = async (): Promise<string> => Promise.reject(new TsibleError('Attempting to decrypt but no vault secrets found', { code: 'VAULT' }));
    await expect(readExtraVarFiles(['@v.yml'], '/work', failing)).rejects.toThrow('no vault secrets');
  });
});
