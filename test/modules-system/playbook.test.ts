/** The system modules inside a playbook with gathered facts: package and service dispatch on them. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeLab, labInventoryPath } from '../lab/lab.js';
import { onHost, packageStatus, useOneLabHost } from './run-module.js';

const CLI = fileURLToPath(new URL('../../packages/engine/bin/tsible.js', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url));

const playbook = (host: string): string => `
- hosts: ${host}
  tasks:
    - name: a package through the gathered package manager
      package:
        name: hello
        state: present
    - name: the demo init script
      copy:
        src: ${FIXTURES}/tsible-demo.init
        dest: /etc/init.d/tsible-demo
        mode: '0755'
    - name: its daemon runs and starts at boot
      service:
        name: tsible-demo
        state: started
        enabled: true
    - name: what is installed and running
      package_facts:
    - service_facts:
    - assert:
        that:
          - ansible_facts.packages.hello[0].source == 'apt'
          - ansible_facts.services['tsible-demo'].state == 'running'
`;

describeLab('system modules in a playbook on a lab host', () => {
  const host = useOneLabHost();
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tsible-system-play.'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('changes the host on the first run and nothing on the second', () => {
    const file = join(dir, 'site.yml');
    writeFileSync(file, playbook(host().name));
    const run = () => spawnSync(process.execPath, [CLI, 'playbook', '-i', labInventoryPath(), file], { encoding: 'utf8', env: { ...process.env, ANSIBLE_NOCOLOR: '1' }, timeout: 240_000 });
    const first = run();
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`${host().name}\\s+: ok=7\\s+changed=3\\s+unreachable=0\\s+failed=0`));
    expect(packageStatus(host(), 'hello')).toMatch(/^installed /);
    expect(onHost(host(), "ps -e -o args= | grep -c '^/bin/sleep 4242424$' || true").trim()).toBe('1');
    const second = run();
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(new RegExp(`${host().name}\\s+: ok=7\\s+changed=0\\s+unreachable=0\\s+failed=0`));
  });
});
