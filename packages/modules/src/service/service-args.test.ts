import { serviceModule } from './service.js';
import { systemdServiceModule } from './systemd.js';
import { runLocal } from '../testing/module-harness.js';

/** Each rule fails before anything runs on the target: no exec at all. */
describe('service and systemd_service reject bad requests before running anything', () => {
  const cases: Array<[string, typeof serviceModule | typeof systemdServiceModule, Record<string, unknown>, string]> = [
    ['service without state or enabled', serviceModule, { name: 'x' }, 'one of the following is required: state, enabled'],
    ['service state outside its choices', serviceModule, { name: 'x', state: 'running' }, 'value of state must be one of: started, stopped, restarted, reloaded, got: running'],
    ['service without a name', serviceModule, { state: 'started' }, 'missing required arguments: name'],
    ['service through a manager it does not drive', serviceModule, { name: 'x', state: 'started', use: 'upstart' }, "The service manager 'upstart' is not supported yet"],
    ['systemd state without a name', systemdServiceModule, { state: 'started' }, 'missing parameter(s) required by \'state\': name'],
    ['systemd glob in the name', systemdServiceModule, { name: 'web*', state: 'started' }, "This module does not currently support using glob patterns, found '*' in service name: web*"],
    ['systemd scope outside its choices', systemdServiceModule, { name: 'x', state: 'started', scope: 'machine' }, 'value of scope must be one of: system, user, global, got: machine'],
  ];
  it.each(cases)('%s', async (_label, module, args, message) => {
    const run = await runLocal(module, args);
    expect(run.execs).toBe(0);
    expect(run.result['failed']).toBe(true);
    expect(String(run.result['msg'])).toContain(message);
  });
});
