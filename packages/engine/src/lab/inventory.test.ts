import { readFileSync } from 'node:fs';
import { privateHostSshArgs, proxyCommand, renderInventory, renderSshConfig } from './inventory.js';
import type { LabState } from './types.js';

const fixtures = new URL('../../../../test/fixtures/lab/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, fixtures), 'utf8');
const state = JSON.parse(read('state.json')) as LabState;

describe('lab inventory', () => {
  it('renders the recorded INI inventory', () => {
    expect(renderInventory(state)).toBe(read('inventory.ini'));
  });

  it('means to Ansible what it should: address, root, lab key, checked host keys, private host through host 1', () => {
    // Recorded with ansible-inventory 2.14 by test/fixtures/lab/record.sh.
    const ansible = JSON.parse(read('inventory.ansible.json')) as {
      _meta: { hostvars: Record<string, Record<string, string>> };
      lab: { hosts: string[] };
      lab_private: { hosts: string[] };
    };
    const checked = `-o UserKnownHostsFile=${state.knownHostsFile} -o StrictHostKeyChecking=yes`;
    for (const host of state.hosts) {
      expect(ansible._meta.hostvars[host.name]).toEqual({
        ansible_host: host.address,
        ansible_user: 'root',
        ansible_ssh_private_key_file: state.keyFile,
        ansible_ssh_common_args: host.private ? privateHostSshArgs(state) : checked,
      });
    }
    expect(ansible.lab.hosts).toEqual(['demo-1', 'demo-2']);
    expect(ansible.lab_private.hosts).toEqual(['demo-3']);
    expect(privateHostSshArgs(state)).toBe(`${checked} -o ProxyCommand="${proxyCommand(state)}"`);
    expect(proxyCommand(state)).toBe(
      `ssh -i ${state.keyFile} ${checked} -o BatchMode=yes -W %h:%p root@10.213.14.10`,
    );
  });

  it('writes an OpenSSH client config with ProxyJump for private hosts', () => {
    expect(renderSshConfig(state)).toBe(
      [
        '# tsible lab "demo"',
        'Host demo-1',
        '  HostName 10.213.14.10',
        'Host demo-2',
        '  HostName 10.213.14.11',
        'Host demo-3',
        '  HostName 10.213.15.12',
        '  ProxyJump demo-1',
        'Host demo-1 demo-2 demo-3',
        '  User root',
        `  IdentityFile ${state.keyFile}`,
        '  IdentitiesOnly yes',
        `  UserKnownHostsFile ${state.knownHostsFile}`,
        '  StrictHostKeyChecking yes',
        '',
      ].join('\n'),
    );
  });
});
