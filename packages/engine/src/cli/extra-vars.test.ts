import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TsibleError } from '../errors/tsible-error.js';
import { parseExtraVars } from './extra-vars.js';

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
