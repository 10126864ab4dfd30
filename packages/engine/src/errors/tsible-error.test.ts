import { TsibleError, ExitCode } from './tsible-error.js';

describe('TsibleError', () => {
  it('describes itself with file:line:col and a hint', () => {
    const err = new TsibleError('expected a mapping', {
      code: 'TSIBLE_TEST',
      location: { file: 'site.yml', line: 3, column: 5 },
      hint: 'did you mean "hosts"?',
      exitCode: ExitCode.parserError,
    });
    expect(err.describe()).toBe('site.yml:3:5: expected a mapping\ndid you mean "hosts"?');
    expect(err.exitCode).toBe(4);
  });
});
