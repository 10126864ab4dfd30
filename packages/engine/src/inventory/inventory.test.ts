import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { RecordingSink } from '../output/events.js';
import { TsibleError } from '../errors/tsible-error.js';
import { loadInventory } from './load.js';

const fixtures = fileURLToPath(new URL('../../../../test/fixtures/inventory/', import.meta.url));

describe('Inventory API', () => {
  it('merges host variables with Ansible precedence, playbook dir last', async () => {
    const dir = join(fixtures, 'precedence');
    const inv = await loadInventory({ sources: ['inv/hosts'], cwd: dir, sink: new RecordingSink(), playbookDir: 'play' });
    const vars = inv.hostVars('h1');
    expect(vars).toMatchObject({
      v_all: 'gv_all', // group_vars/all beats [all:vars]
      v_chain: 'inv_child', // deepest group wins among inventory groups
      v_file_vs_inv: 'gv_all', // any group_vars file beats any inventory-file group var
      v_host_inline: 'hv_file', // host_vars beat inline host vars, which beat group vars
      v_gvall_vs_play: 'play_gv_all',
      v_play_override: 'play_gv_child',
      v_hostfile: 'play',
      v_chain_file: 'child',
      inventory_hostname: 'h1',
      inventory_hostname_short: 'h1',
      group_names: ['child', 'grand', 'parent'],
      inventory_file: join(dir, 'inv/hosts'),
      inventory_dir: join(dir, 'inv'),
    });
    expect(inv.hostVars('h1', { playbookDir: undefined })['v_hostfile']).toBe('play');
  });

  it('gives group_names, groups and Ansible host order', async () => {
    const dir = join(fixtures, 'patterns');
    const inv = await loadInventory({ sources: ['hosts'], cwd: dir, sink: new RecordingSink() });
    expect(inv.groupNames('web1')).toEqual(['prod', 'staging', 'web']);
    expect(inv.groupNames('lonely')).toEqual(['ungrouped']);
    const groups = inv.groupsMap();
    expect(groups['k8s']).toEqual(['k8s-w01', 'k8s-w02', 'k8s-w03', 'k8s-w04', 'k8s-c1']);
    expect(groups['ungrouped']).toEqual(['lonely']);
    expect(inv.selectHosts('web:&staging', { limit: 'web1,db1' }).map((h) => h.name)).toEqual(['web1']);
    expect(inv.host('web1')?.directGroups().map((g) => g.name)).toEqual(['web', 'staging']);
  });

  it('invents localhost only when asked for by name', async () => {
    const sink = new RecordingSink();
    const inv = await loadInventory({ sources: ['web1,web2'], cwd: '/', sink });
    expect(inv.selectHosts('all').map((h) => h.name)).toEqual(['web1', 'web2']);
    const [local] = inv.selectHosts('localhost');
    expect(local?.implicit).toBe(true);
    expect(inv.hostVars('localhost')['ansible_connection']).toBe('local');
    expect(inv.selectHosts('all').map((h) => h.name)).not.toContain('localhost');
  });

  it('warns once when a pattern matches nothing, or fails when asked to', async () => {
    const sink = new RecordingSink();
    const inv = await loadInventory({ sources: ['web1,'], cwd: '/', sink });
    expect(inv.selectHosts('nope')).toEqual([]);
    expect(inv.selectHosts('nope')).toEqual([]);
    expect(sink.messages('warning')).toEqual(['Could not match supplied host pattern, ignoring: nope']);
    const strict = await loadInventory({ sources: ['web1,'], cwd: '/', sink, hostPatternMismatch: 'error' });
    expect(() => strict.selectHosts('nope')).toThrow(TsibleError);
  });
});

describe('changing the inventory during a run', () => {
  it('add_host creates the host, sets its vars and groups, and patterns see it', async () => {
    const inv = await loadInventory({ sources: ['web1,'], cwd: '/', sink: new RecordingSink() });
    expect(inv.selectHosts('new')).toEqual([]);
    expect(inv.addDynamicHost('new', { groups: ['fresh'], vars: { x: 1 } })).toBe(true);
    expect(inv.selectHosts('fresh').map((h) => h.name)).toEqual(['new']);
    expect(inv.hostVars('new')['x']).toBe(1);
    expect(inv.groupNames('new')).toEqual(['fresh']);
    expect(inv.addDynamicHost('new', { groups: ['fresh'], vars: { x: 1 } })).toBe(false);
  });

  it('group_by puts a host into a new group under its parents', async () => {
    const inv = await loadInventory({ sources: ['web1,web2'], cwd: '/', sink: new RecordingSink() });
    expect(inv.addDynamicGroup('web2', 'os_linux', ['linux'])).toBe(true);
    expect(inv.selectHosts('linux').map((h) => h.name)).toEqual(['web2']);
    expect(inv.groupNames('web2')).toEqual(['linux', 'os_linux']);
    expect(inv.groupsMap()['ungrouped']).toEqual(['web1']);
    expect(() => inv.addDynamicGroup('ghost', 'g')).toThrow('ghost cannot be matched in inventory');
  });
});
