import { aptModule } from './apt.js';
import { runLocal } from '../testing/module-harness.js';

/** Each rule fails before anything runs on the target: no exec at all. */
describe('apt rejects bad arguments before running anything', () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['unknown option', { nme: 'x' }, 'Unsupported parameters for (apt) module: nme.'],
    ['state outside its choices', { name: 'x', state: 'gone' }, 'value of state must be one of: absent, build-dep, fixed, latest, present, got: gone'],
    ['upgrade outside its choices', { upgrade: 'sometimes' }, 'value of upgrade must be one of: dist, full, no, safe, yes, got: sometimes'],
    ['deb with name', { name: 'x', deb: '/a.deb' }, 'parameters are mutually exclusive: deb|package|upgrade'],
    ['an int that is not one', { name: 'x', lock_timeout: 'abc' }, "argument 'lock_timeout' is of type <class 'str'> and we were unable to convert to int"],
    ['two = in a spec', { name: 'a=b=c' }, 'invalid package spec: a=b=c'],
    ['a spec with shell characters', { name: 'x;reboot' }, 'invalid package spec: x;reboot'],
    ['deb with another state', { deb: '/x.deb', state: 'absent' }, 'deb only supports state=present'],
    ['* with other names for latest', { name: ['*', 'x'], state: 'latest' }, 'unable to install additional packages when upgrading all installed packages'],
  ];
  it.each(cases)('%s', async (_label, args, message) => {
    const run = await runLocal(aptModule, args);
    expect(run.execs).toBe(0);
    expect(run.result['failed']).toBe(true);
    expect(String(run.result['msg'])).toContain(message);
  });
});
