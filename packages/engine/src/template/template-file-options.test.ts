import { TsibleError } from '../errors/tsible-error.js';
import { templateFileOptions } from './template-file.js';

describe('templateFileOptions', () => {
  it('uses the template module defaults without a header', () => {
    expect(templateFileOptions('x\n', 'a.j2')).toEqual({ body: 'x\n', syntax: { trimBlocks: true, lstripBlocks: false, literalBackslashesInVariables: false } });
  });

  it('reads #jinja2: overrides as Python literals and drops the header line', () => {
    const { body, syntax } = templateFileOptions("#jinja2: trim_blocks: False, lstrip_blocks: True, block_start_string: '<%'\nrest", 'a.j2');
    expect(body).toBe('rest');
    expect(syntax).toMatchObject({ trimBlocks: false, lstripBlocks: true, blockStart: '<%' });
  });

  it('rejects malformed or unknown overrides with the file location', () => {
    expect(() => templateFileOptions('#jinja2: trim_blocks=True\n', 'a.j2')).toThrow(TsibleError);
    expect(() => templateFileOptions('#jinja2: trim_blocks=True\n', 'a.j2')).toThrow('Did you use something different from colon as key-value separator?');
    expect(() => templateFileOptions('#jinja2: toString: 1\n', 'a.j2')).toThrow("unsupported jinja2 override 'toString: 1'");
  });
});
