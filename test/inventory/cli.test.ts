import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTsible } from './run-cli.js';

const fixtures = fileURLToPath(new URL('../fixtures/inventory/', import.meta.url));
const patterns = join(fixtures, 'patterns');

describe('tsible inventory options beyond ansible-inventory 2.14', () => {
  it('--limit shows only the limited hosts and drops groups left empty', async () => {
    const run = await runTsible(['inventory', '-i', 'hosts', '--list', '--limit', 'db:!web3'], patterns);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as Record<string, { hosts?: string[]; children?: string[] }>;
    expect(out['db']?.hosts).toEqual(['db1', 'db2', 'db3']);
    expect(out['staging']?.hosts).toEqual(['db1']);
    expect(out['web']).toBeUndefined();
    expect(out['prod']?.children).toEqual(['web', 'db']);
  });

  it('--limit applies to --graph and --host', async () => {
    const graph = await runTsible(['inventory', '-i', 'hosts', '--graph', 'prod', '--limit', 'web[0:1]'], patterns);
    expect(graph.stdout).toBe('@prod:\n  |--@web:\n  |  |--web1\n  |  |--web2\n  |--@db:\n');
    const host = await runTsible(['inventory', '-i', 'hosts', '--host', 'web1', '--limit', 'db'], patterns);
    expect(host.code).toBe(5);
  });
});

describe('where output and sources come from', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tsible-inv-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('--output writes the file (without the trailing newline, as Ansible) and nothing else', async () => {
    const run = await runTsible(['inventory', '-i', join(patterns, 'hosts'), '--list', '--output', 'out.json'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const expected = readFileSync(join(patterns, 'expected', '01.stdout'), 'utf8');
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe(expected.replace(/\n$/, ''));
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('takes the inventory from ANSIBLE_INVENTORY when -i is not given', async () => {
    const run = await runTsible(['inventory', '--graph', 'k8s'], dir, { ANSIBLE_INVENTORY: join(patterns, 'hosts'), HOME: dir });
    expect(run.stdout).toBe('@k8s:\n  |--@k8s_workers:\n  |  |--k8s-w01\n  |  |--k8s-w02\n  |  |--k8s-w03\n  |  |--k8s-w04\n  |--@k8s_control:\n  |  |--k8s-c1\n');
  });

  it('resolves relative sources and --playbook-dir against the working directory', async () => {
    const run = await runTsible(['inventory', '-i', 'inv/hosts', '--host', 'h1', '--playbook-dir', 'play'], join(fixtures, 'precedence'));
    expect(JSON.parse(run.stdout)).toMatchObject({ v_hostfile: 'play', v_play_override: 'play_gv_child' });
  });
});
