import { maskSecrets, NO_LOG_PLACEHOLDER } from './mask-secrets.js';

describe('maskSecrets', () => {
  it("hides no_log values wherever they appear, as Ansible's remove_values", () => {
    const result = { msg: 'login with s3cret failed', password: 's3cret', nested: [{ token: 's3cret' }], rc: 1 };
    expect(maskSecrets(result, ['s3cret'])).toEqual({
      msg: 'login with ******** failed',
      password: NO_LOG_PLACEHOLDER,
      nested: [{ token: NO_LOG_PLACEHOLDER }],
      rc: 1,
    });
  });

  it('leaves results alone when there is nothing to hide', () => {
    const result = { msg: 'ok' };
    expect(maskSecrets(result, [])).toBe(result);
  });
});
