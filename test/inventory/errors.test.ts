import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadInventory } from '../../packages/engine/src/inventory/load.js';
import { RecordingSink } from '../../packages/engine/src/output/events.js';
import { TsibleError } from '../../packages/engine/src/errors/tsible-error.js';
import { runTsible } from './run-cli.js';

const dir = fileURLToPath(new URL('../fixtures/inventory-errors/', import.meta.url));
const bin = fileURLToPath(new URL('../../packages/engine/bin/tsible.js', import.meta.url));

// One clear line naming file:line:col, Ansible's wording, parser-error exit code 4.
const syntaxCases: Array<[string, string, string]> = [
  ['bad-section.ini.inv', '3:1', 'Section [web:foo] has unknown type: foo'],
  ['spaced-section', '3:3', "Invalid section entry: '[db servers]'. Please make sure that there are no spaces in the section entry"],
  ['range-no-end', '2:1', 'host range must specify end value'],
  ['range-width', '2:1', 'host range must specify equal-length begin and end formats'],
  ['range-parts', '2:1', 'host range must be begin:end or begin:end:step'],
  ['undefined-child', '2:1', 'Section [a:children] includes undefined group: b'],
  ['vars-undefined', '1:1', 'Section [ghost:vars] not valid for undefined group: ghost'],
  ['host-var-no-eq', '2:10', 'Expected key=value host variable assignment, got: novalue'],
  ['unclosed-quote', '2:1', `Error parsing host definition 'h1 x="unclosed': No closing quotation`],
  ['group-var-no-eq', '2:1', 'Expected key=value, got: justakey'],
  ['trailing-colon', '2:1', "Invalid host pattern 'h1:' supplied, ending in ':' is not allowed"],
  ['hosts-list.yml', '5:9', 'Invalid "hosts" entry for "web" group, requires a dictionary'],
  ['bad-range.yml', '3:5', 'host range must specify end value'],
  ['tab-indent.yml', '2:1', 'Syntax Error while loading YAML'],
  ['plugin.yml', '1:1', "inventory plugin 'constructed' is not supported"],
];

describe('broken inventories fail with one clear error', () => {
  it.each(syntaxCases)('%s', async (file, where, message) => {
    const run = await runTsible(['inventory', '-i', file, '--list'], dir);
    expect(run.code).toBe(4);
    expect(run.stdout).toBe('');
    const first = run.stderr.split('\n')[0];
    expect(first).toContain(`ERROR! ${join(dir, file)}:${where}: ${message}`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports a group loop where it is closed', async () => {
    const run = await runTsible(['inventory', '-i', 'loop', '--list'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`ERROR! ${join(dir, 'loop')}:4:1: Adding group 'a' as child to 'b' creates a recursive dependency loop.`);
  });
});

describe('inventory scripts', () => {
  it('shows the stderr of a failing script', async () => {
    const run = await runTsible(['inventory', '-i', 'fail.sh', '--list'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Inventory script (${join(dir, 'fail.sh')}) had an execution error: boom: no database`);
    expect(run.stderr).toContain('exit status 3');
  });

  it('rejects output that is not JSON, or not a JSON object', async () => {
    const notJson = await runTsible(['inventory', '-i', 'not-json.sh', '--list'], dir);
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toContain(`failed to parse executable inventory script results from ${join(dir, 'not-json.sh')}`);
    const list = await runTsible(['inventory', '-i', 'list-json.sh', '--list'], dir);
    expect(list.stderr).toContain('needs to be a json dict');
  });

  it('rejects an empty --host answer as Ansible 2.14 does', async () => {
    const run = await runTsible(['inventory', '-i', 'empty-host.sh', '--list'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Invalid data from file, expected dictionary and got:');
  });

  it('stops a script that runs too long', async () => {
    const started = Date.now();
    const error = await loadInventory({ sources: ['slow.sh'], cwd: dir, sink: new RecordingSink(), scriptTimeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TsibleError);
    expect((error as TsibleError).message).toBe(`Inventory script (${join(dir, 'slow.sh')}) did not finish within 0.3s`);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe('options', () => {
  it('needs exactly one action (exit 5)', async () => {
    const none = await runTsible(['inventory', '-i', 'web1,'], dir);
    expect(none.code).toBe(5);
    expect(none.stderr).toBe('ERROR! No action selected, at least one of --host, --graph or --list needs to be specified.\n');
    const two = await runTsible(['inventory', '-i', 'web1,', '--list', '--graph'], dir);
    expect(two.code).toBe(5);
    expect(two.stderr).toContain('Conflicting options used, only one of --host, --graph or --list can be used at the same time.');
  });

  it('--host needs one known host, --graph a known group', async () => {
    const host = await runTsible(['inventory', '-i', 'web1,web2', '--host', 'nope'], dir);
    expect(host.code).toBe(5);
    expect(host.stderr).toContain('[WARNING]: Could not match supplied host pattern, ignoring: nope');
    expect(host.stderr).toContain('ERROR! You must pass a single valid host to --host parameter');
    const graph = await runTsible(['inventory', '-i', 'web1,', '--graph', 'nope'], dir);
    expect(graph.code).toBe(5);
    expect(graph.stderr).toContain('ERROR! Pattern must be valid group name when using --graph');
  });

  it('warns about a missing source and shows an empty inventory, as Ansible does', async () => {
    const run = await runTsible(['inventory', '-i', 'does-not-exist', '--list'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`[WARNING]: Unable to parse ${join(dir, 'does-not-exist')} as an inventory source`);
    expect(run.stderr).toContain('[WARNING]: No inventory was parsed, only implicit localhost is available');
    expect(JSON.parse(run.stdout)).toEqual({ _meta: { hostvars: {} }, all: { children: ['ungrouped'] } });
  });

  it('warns about YAML keys it skips', async () => {
    const run = await runTsible(['inventory', '-i', 'warn-unexpected-key.yml', '--graph'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      "[WARNING]: Skipping key (plugin) in group (web) as it is not a mapping, it is a <class 'ansible.parsing.yaml.objects.AnsibleUnicode'>",
    );
  });
});

describe('the installed binary', () => {
  it('prints no stack trace and exits with the parser code', () => {
    const res = spawnSync(process.execPath, [bin, 'inventory', '-i', 'bad-section.ini.inv', '--list'], { cwd: dir, encoding: 'utf8' });
    expect(res.status).toBe(4);
    expect(res.stderr).toBe(`ERROR! ${join(dir, 'bad-section.ini.inv')}:3:1: Section [web:foo] has unknown type: foo\nvalid section types are hosts, children and vars\n`);
  });
});
