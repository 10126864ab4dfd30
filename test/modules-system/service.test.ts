import { fileURLToPath } from 'node:url';
import { describeLab } from '../lab/lab.js';
import { onHost, putFixture, runModule, useOneLabHost } from './run-module.js';

const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url));
/** The demo daemon's own process (see fixtures/tsible-demo.init). */
const DAEMON = "ps -e -o args= | grep -c '^/bin/sleep 4242424$' || true";

describeLab('service with a real SysV daemon on a lab host', () => {
  const host = useOneLabHost();
  const daemons = () => onHost(host(), DAEMON).trim();

  beforeAll(() => onHost(host(), `install -m 0755 ${putFixture(host(), `${FIXTURES}/tsible-demo.init`)} /etc/init.d/tsible-demo`));

  it('starts the daemon: check mode starts nothing, then changed, then ok', () => {
    expect(runModule(host(), 'service', 'name=tsible-demo state=started', ['--check']).result).toMatchObject({ changed: true });
    expect(daemons()).toBe('0');
    expect(runModule(host(), 'service', 'name=tsible-demo state=started').result).toMatchObject({ changed: true, name: 'tsible-demo' });
    expect(daemons()).toBe('1');
    expect(runModule(host(), 'service', 'name=tsible-demo state=started').result['changed']).toBe(false);
  });

  it('restarts it as a new process', () => {
    const before = onHost(host(), 'cat /run/tsible-demo.pid').trim();
    expect(runModule(host(), 'service', 'name=tsible-demo state=restarted sleep=0').result['changed']).toBe(true);
    expect(daemons()).toBe('1');
    expect(onHost(host(), 'cat /run/tsible-demo.pid').trim()).not.toBe(before);
  });

  it('stops it by pattern: check mode leaves it running', () => {
    const pattern = "pattern='sleep 4242424'";
    expect(runModule(host(), 'service', `name=tsible-demo state=stopped ${pattern}`, ['--check']).result['changed']).toBe(true);
    expect(daemons()).toBe('1');
    expect(runModule(host(), 'service', `name=tsible-demo state=stopped ${pattern}`).result['changed']).toBe(true);
    expect(daemons()).toBe('0');
    expect(runModule(host(), 'service', `name=tsible-demo state=stopped ${pattern}`).result['changed']).toBe(false);
  });

  it('enables and disables it at boot through update-rc.d links', () => {
    expect(runModule(host(), 'service', 'name=tsible-demo enabled=yes').result['changed']).toBe(true);
    expect(onHost(host(), 'ls /etc/rc2.d/')).toMatch(/^S\d\dtsible-demo$/m);
    expect(runModule(host(), 'service', 'name=tsible-demo enabled=yes').result['changed']).toBe(false);
    expect(runModule(host(), 'service', 'name=tsible-demo enabled=no').result['changed']).toBe(true);
    expect(onHost(host(), 'ls /etc/rc2.d/')).toMatch(/^K\d\dtsible-demo$/m);
  });

  it('reports a failing init script with its output', () => {
    onHost(host(), "printf '#!/bin/sh\\necho broken >&2\\nexit 1\\n' > /etc/init.d/tsible-broken; chmod 755 /etc/init.d/tsible-broken");
    const r = runModule(host(), 'service', 'name=tsible-broken state=started');
    expect(r.code).toBe(2);
    expect(r.result).toMatchObject({ failed: true, msg: 'Failed to start service: tsible-broken', rc: 1, stderr: 'broken\n' });
  });
});

describeLab('service and systemd_service against a recording systemctl on a lab host', () => {
  const host = useOneLabHost();
  const calls = () => onHost(host(), 'cat /var/log/systemctl-stub.log 2>/dev/null; : > /var/log/systemctl-stub.log').trim().split('\n').filter((l) => l !== '');
  const active = () => onHost(host(), 'cat /var/lib/systemctl-stub/web.active').trim();

  beforeAll(() =>
    onHost(
      host(),
      `install -m 0755 ${putFixture(host(), `${FIXTURES}/systemctl-stub`)} /usr/local/bin/systemctl && mkdir -p /var/lib/systemctl-stub && echo inactive > /var/lib/systemctl-stub/web.active && echo disabled > /var/lib/systemctl-stub/web.enabled && : > /var/log/systemctl-stub.log`,
    ),
  );

  it('starts a unit once, returning its properties as status; check mode runs no start', () => {
    const check = runModule(host(), 'systemd_service', 'name=web state=started', ['--check']);
    expect(check.result).toMatchObject({ changed: true, name: 'web', state: 'started' });
    expect(calls()).toEqual(['show web']);
    const r = runModule(host(), 'systemd', 'name=web state=started');
    expect(r.result).toMatchObject({ changed: true, name: 'web', state: 'started' });
    expect(r.result['status']).toMatchObject({ Id: 'web.service', LoadState: 'loaded', ActiveState: 'inactive', ExecStart: '{ path=/bin/sleep ; argv[]=/bin/sleep 1 ;\n  ignore_errors=no }' });
    expect(calls()).toEqual(['show web', 'start web']);
    expect(active()).toBe('active');
    expect(runModule(host(), 'systemd', 'name=web state=started').result['changed']).toBe(false);
    expect(calls()).toEqual(['show web']);
  });

  it('enables, masks and restarts with the scope and flags asked for', () => {
    const r = runModule(host(), 'systemd_service', 'name=web enabled=yes state=restarted no_block=yes daemon_reload=yes');
    expect(r.result).toMatchObject({ changed: true, enabled: true, state: 'started' });
    expect(calls()).toEqual(['--no-block daemon-reload', '--no-block show web', '--no-block is-enabled web -l', '--no-block enable web', '--no-block restart web']);
    expect(runModule(host(), 'systemd_service', 'name=web masked=yes').result['changed']).toBe(true);
    expect(calls()).toContain('mask web');
  });

  it('service on a systemd host goes through systemctl, warning about options systemd does not use', () => {
    const r = runModule(host(), 'service', 'name=web state=stopped sleep=3 use=systemd');
    expect(r.result).toMatchObject({ changed: true, name: 'web', state: 'stopped', warnings: ['Ignoring "sleep" as it is not used in "systemd"'] });
    expect(calls()).toEqual(['show web', 'stop web']);
    expect(active()).toBe('inactive');
  });

  it('fails cleanly for a unit that does not exist', () => {
    const r = runModule(host(), 'systemd_service', 'name=nosuch state=started');
    expect(r.result).toMatchObject({ failed: true, msg: 'Could not find the requested service nosuch: host' });
    expect(calls()).toEqual(['show nosuch']);
  });

  it('refuses glob patterns in the name before running anything', () => {
    const r = runModule(host(), 'systemd_service', 'name=web* state=started');
    expect(r.result).toMatchObject({ failed: true, msg: "This module does not currently support using glob patterns, found '*' in service name: web*" });
    expect(calls()).toEqual([]);
  });
});
