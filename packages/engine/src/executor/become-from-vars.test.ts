import { becomeFromVars } from './become-from-vars.js';

describe('becomeFromVars', () => {
  it('is off unless -b or ansible_become asks for it', () => {
    expect(becomeFromVars({}, { become: false })).toBeUndefined();
    expect(becomeFromVars({ ansible_become: 'no' }, { become: true })).toBeUndefined();
  });

  it('uses the command line defaults: sudo to root', () => {
    expect(becomeFromVars({}, { become: true })).toEqual({ method: 'sudo', user: 'root', flags: undefined, password: undefined });
    expect(becomeFromVars({}, { become: true, user: 'postgres', method: 'su', password: 'pw' })).toEqual({
      method: 'su',
      user: 'postgres',
      flags: undefined,
      password: 'pw',
    });
  });

  it('lets host variables win over the command line', () => {
    const vars = { ansible_become: 'yes', ansible_become_user: 'app', ansible_become_pass: 'hostpw', ansible_become_flags: '-H -S' };
    expect(becomeFromVars(vars, { become: false, user: 'root', password: 'clipw' })).toEqual({ method: 'sudo', user: 'app', flags: '-H -S', password: 'hostpw' });
  });

  it('names an unknown become method', () => {
    expect(() => becomeFromVars({}, { become: true, method: 'pbrun' })).toThrow("Invalid become method specified, could not find matching plugin: 'pbrun'");
  });
});
