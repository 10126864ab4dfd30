/** Reading the service managers' listings into Ansible's service_facts entries. */

export interface ServiceEntry {
  name: string;
  state: string;
  status?: string;
  source: 'sysv' | 'systemd';
}

/** `service --status-all`: `[ + ]  name` is running, `[ - ]` stopped; `[ ? ]` is left out, as Ansible. */
export function parseStatusAll(stdout: string): Record<string, ServiceEntry> {
  const services: Record<string, ServiceEntry> = {};
  for (const m of stdout.matchAll(/^\s*\[ ([+-]) \]\s+(.+)$/gm)) {
    const name = m[2] ?? '';
    services[name] = { name, state: m[1] === '+' ? 'running' : 'stopped', source: 'sysv' };
  }
  return services;
}

const BAD_STATES = ['not-found', 'masked', 'failed'];

/** `systemctl list-units --type service --all`: ACTIVE column as status (or a bad load state), SUB running as state. */
export function parseListUnits(stdout: string, services: Record<string, ServiceEntry>): void {
  for (const line of stdout.split('\n').filter((l) => l.includes('.service'))) {
    let fields = line.split(/\s+/).filter((f) => f !== '');
    let status: string;
    const bad = BAD_STATES.find((b) => fields.includes(b));
    if (bad !== undefined) {
      // A leading marker (● or *) goes with it.
      status = bad;
      fields = fields.slice(1);
    } else {
      status = fields[2] ?? 'unknown';
    }
    const name = fields[0] ?? '';
    services[name] = { name, state: fields[3] === 'running' ? 'running' : 'stopped', status, source: 'systemd' };
  }
}

/**
 * `systemctl list-unit-files --type service --all`: the final status; units
 * not listed before get their ActiveState from `activeStates` (name → state).
 */
export function parseListUnitFiles(stdout: string, activeStates: ReadonlyMap<string, string>, services: Record<string, ServiceEntry>): void {
  for (const line of stdout.split('\n').filter((l) => l.includes('.service'))) {
    const [name = '', status = ''] = line.split(/\s+/).filter((f) => f !== '');
    const known = services[name];
    if (known === undefined) services[name] = { name, state: activeStates.get(name) ?? 'unknown', status, source: 'systemd' };
    else if (!BAD_STATES.includes(known.status ?? '')) known.status = status;
  }
}
