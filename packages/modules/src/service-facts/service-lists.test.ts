import { parseListUnitFiles, parseListUnits, parseStatusAll, type ServiceEntry } from './service-lists.js';

describe('service --status-all (recorded on a lab host)', () => {
  it('reads + as running and - as stopped, and leaves ? out', () => {
    const out = ' [ - ]  cron\n [ ? ]  hwclock.sh\n [ + ]  ssh\n [ - ]  tsible-demo\n';
    expect(parseStatusAll(out)).toEqual({
      cron: { name: 'cron', state: 'stopped', source: 'sysv' },
      ssh: { name: 'ssh', state: 'running', source: 'sysv' },
      'tsible-demo': { name: 'tsible-demo', state: 'stopped', source: 'sysv' },
    });
  });
});

describe('systemctl list-units and list-unit-files (systemd 252 layout)', () => {
  const units = `  UNIT                               LOAD      ACTIVE   SUB     DESCRIPTION
  cron.service                       loaded    active   running Regular background program processing daemon
● nosuch.service                     not-found inactive dead    nosuch.service
  ssh.service                        loaded    inactive dead    OpenBSD Secure Shell server
● broken.service                     loaded    failed   failed  Broken test unit

LOAD   = Reflects whether the unit definition was properly loaded.
4 loaded units listed.
`;
  const files = `UNIT FILE                 STATE           VENDOR PRESET
cron.service              enabled         enabled
ssh.service               disabled        enabled
broken.service            enabled         enabled
rescue.service            static          -

4 unit files listed.
`;

  it('takes the state from SUB and the status from ACTIVE or a bad load state, then the unit files', () => {
    const services: Record<string, ServiceEntry> = {};
    parseListUnits(units, services);
    parseListUnitFiles(files, new Map([['rescue.service', 'inactive']]), services);
    expect(services).toEqual({
      'cron.service': { name: 'cron.service', state: 'running', status: 'enabled', source: 'systemd' },
      'nosuch.service': { name: 'nosuch.service', state: 'stopped', status: 'not-found', source: 'systemd' },
      'ssh.service': { name: 'ssh.service', state: 'stopped', status: 'disabled', source: 'systemd' },
      'broken.service': { name: 'broken.service', state: 'stopped', status: 'failed', source: 'systemd' },
      'rescue.service': { name: 'rescue.service', state: 'inactive', status: 'static', source: 'systemd' },
    });
  });
});
