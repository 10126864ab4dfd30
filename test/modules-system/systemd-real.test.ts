/**
 * systemd_service and service against a real systemd (PID 1 of its own PID
 * namespace next to a lab host, see systemd-host.ts): units really start,
 * stop, enable, mask and reload.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describeLab } from '../lab/lab.js';
import { useOneLabHost } from './run-module.js';
import { bootSystemdHost, type SystemdHost } from './systemd-host.js';

const CLI = fileURLToPath(new URL('../../packages/engine/bin/tsible.js', import.meta.url));
const UNIT = '[Unit]\nDescription=tsible demo\n[Service]\nExecStart=/bin/sleep infinity\nExecReload=/bin/true\n[Install]\nWantedBy=multi-user.target\n';

describeLab('systemd_service against a real systemd', () => {
  const host = useOneLabHost();
  let sd: SystemdHost | undefined;
  const box = (): SystemdHost => {
    if (sd === undefined) throw new Error('no systemd host');
    return sd;
  };

  beforeAll(async () => {
    sd = await bootSystemdHost(host());
    box().run(`printf '${UNIT.replaceAll('\n', '\\n')}' > /lib/systemd/system/tsible-demo.service`);
  }, 120_000);

  afterAll(() => sd?.stop());

  function run(module: string, args: string, extra: readonly string[] = []): { code: number; result: Record<string, unknown> } {
    const r = spawnSync(process.execPath, [CLI, 'run', 'systemd-host', '-i', box().inventory, '--json', '-m', module, '-a', args, ...extra], { encoding: 'utf8', timeout: 120_000 });
    const doc = JSON.parse(r.stdout) as { hosts: Record<string, Record<string, unknown>> };
    return { code: r.status ?? -1, result: doc.hosts['systemd-host'] ?? {} };
  }
  const active = (): string => box().run('systemctl is-active tsible-demo.service || true').trim();
  const enabled = (): string => box().run('systemctl is-enabled tsible-demo.service || true').trim();

  it('daemon_reload, then starts a unit: check mode starts nothing, then changed, then ok; status is the unit', () => {
    expect(run('systemd_service', 'daemon_reload=yes').code).toBe(0);
    expect(run('systemd_service', 'name=tsible-demo state=started', ['--check']).result['changed']).toBe(true);
    expect(active()).toBe('inactive');
    const start = run('systemd_service', 'name=tsible-demo state=started');
    expect(start.result).toMatchObject({ changed: true, name: 'tsible-demo', state: 'started' });
    expect((start.result['status'] as Record<string, string>)['Description']).toBe('tsible demo');
    expect(active()).toBe('active');
    expect(run('systemd_service', 'name=tsible-demo state=started').result['changed']).toBe(false);
  }, 120_000);

  it('enables, restarts with a new main process, reloads, stops', () => {
    expect(run('systemd_service', 'name=tsible-demo enabled=yes').result).toMatchObject({ changed: true, enabled: true });
    expect(enabled()).toBe('enabled');
    expect(run('systemd_service', 'name=tsible-demo enabled=yes').result['changed']).toBe(false);
    const pid = box().run('systemctl show -p MainPID --value tsible-demo').trim();
    expect(run('systemd_service', 'name=tsible-demo state=restarted').result['changed']).toBe(true);
    expect(box().run('systemctl show -p MainPID --value tsible-demo').trim()).not.toBe(pid);
    expect(run('systemd_service', 'name=tsible-demo state=reloaded').result['changed']).toBe(true);
    expect(run('service', 'name=tsible-demo state=stopped').result['changed']).toBe(true);
    expect(active()).toBe('inactive');
  }, 120_000);

  it('service_facts lists the unit from systemd with its state and enablement', () => {
    run('systemd_service', 'name=tsible-demo state=started enabled=yes');
    const facts = run('service_facts', '').result['ansible_facts'] as { services: Record<string, unknown> };
    expect(facts.services['tsible-demo.service']).toEqual({ name: 'tsible-demo.service', state: 'running', status: 'enabled', source: 'systemd' });
    expect(facts.services['cron.service']).toMatchObject({ state: 'running', source: 'systemd' });
  }, 120_000);

  it('timezone goes through timedatectl when systemd runs: changed, then ok', () => {
    const set = run('timezone', 'name=Europe/Paris');
    expect(set.result).toMatchObject({ changed: true, diff: { before: { name: 'Etc/UTC' }, after: { name: 'Europe/Paris' } } });
    expect(set.result['msg']).toMatch(/^executed `\S*timedatectl set-timezone Europe\/Paris`$/);
    expect(box().run('readlink /etc/localtime')).toBe('../usr/share/zoneinfo/Europe/Paris\n');
    expect(run('timezone', 'name=Europe/Paris').result['changed']).toBe(false);
  }, 120_000);

  it('masks and unmasks; an unknown unit fails as Ansible', () => {
    expect(run('systemd_service', 'name=tsible-demo masked=yes').result['changed']).toBe(true);
    expect(enabled()).toBe('masked');
    expect(run('systemd_service', 'name=tsible-demo masked=yes').result['changed']).toBe(false);
    expect(run('systemd_service', 'name=tsible-demo masked=no').result['changed']).toBe(true);
    expect(enabled()).toBe('enabled');
    const unknown = run('systemd_service', 'name=no-such-unit state=started');
    expect(unknown.result).toMatchObject({ failed: true, msg: 'Could not find the requested service no-such-unit: host' });
  }, 120_000);
});
