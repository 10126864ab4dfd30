import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The real binary (built dist/) on golden cases that only use engine actions, so no module list is needed. */
const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = join(root, 'test/fixtures/playbook');
const bin = join(root, 'packages/engine/bin/tsible.js');

function tsible(cwd: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [bin, 'playbook', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ANSIBLE_ROLES_PATH: join(fixtures, 'shared-roles') },
  });
  return { stdout: run.stdout, stderr: run.stderr, code: run.status };
}

const recorded = (caseName: string, file: string) => readFileSync(join(fixtures, caseName, 'ansible', file), 'utf8');

describe('tsible playbook (CLI)', () => {
  it('--list-tasks prints what ansible-playbook prints', () => {
    const run = tsible(join(fixtures, 'roles-deps'), '-i', '../hosts.ini', 'site.yml', '--list-tasks');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(recorded('roles-deps', 'list-tasks.stdout'));
  });

  it('applies --tags and --skip-tags given several times and comma separated', () => {
    const run = tsible(join(fixtures, 'tags-never-selected'), 'site.yml', '--list-tasks', '-t', 'debug', '--tags', 'playtag');
    expect(run.stdout).toBe(recorded('tags-never-selected', 'list-tasks.stdout'));
    const skip = tsible(join(fixtures, 'tags-skip'), 'site.yml', '--list-tags', '--skip-tags', 'two,always');
    expect(skip.stdout).toBe(recorded('tags-skip', 'list-tags.stdout'));
  });

  it('--syntax-check prints the playbook line per playbook and resolves -e in hosts', () => {
    const run = tsible(join(fixtures, 'hosts-template'), 'site.yml', 'site.yml', '--syntax-check', '-e', 'other=web', '-e', '{"target": "web"}');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('\nplaybook: site.yml\n\nplaybook: site.yml\n');
  });

  it('prints ERROR! file:line:col and exits 4 on a malformed playbook', () => {
    const run = tsible(join(fixtures, 'err-play-attr'), '-i', '../hosts.ini', 'site.yml', '--syntax-check');
    expect(run.code).toBe(4);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`ERROR! ${join(fixtures, 'err-play-attr/site.yml')}:3:3: 'taks' is not a valid attribute for a Play\ndid you mean 'tasks'?\n`);
  });

  it('fails clearly when a play hosts template uses an undefined variable', () => {
    const run = tsible(join(fixtures, 'hosts-template'), '-i', '../hosts.ini', 'site.yml', '--list-tasks');
    expect(run.code).toBe(4);
    expect(run.stderr).toContain(
      `ERROR! ${join(fixtures, 'hosts-template/site.yml')}:7:3: The field 'hosts' has an invalid value, which includes an undefined variable. The error was: 'other' is undefined`,
    );
  });

  it('exits 1 for a missing playbook and 5 for bad options', () => {
    const missing = tsible(fixtures, 'nope.yml', '--syntax-check');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('ERROR! the playbook: nope.yml could not be found\n');
    expect(tsible(fixtures, 'basic/site.yml', '--no-such-option').code).toBe(5);
    expect(tsible(fixtures, 'basic/site.yml', '--list-tasks', '-f', 'zero').code).toBe(5);
  });

  it('warns like ansible-playbook when no inventory was given', () => {
    const run = tsible(join(fixtures, 'roles-deps'), 'site.yml', '--syntax-check', '-i', 'missing.ini');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('[WARNING]: Unable to parse ');
    expect(run.stderr).toContain("[WARNING]: provided hosts list is empty, only localhost is available. Note that the implicit localhost does not match 'all'\n");
  });

  it('--list-hosts lists the hosts of each play with --limit applied', () => {
    const run = tsible(join(fixtures, 'limit'), '-i', '../hosts.ini', 'site.yml', '--list-hosts', '-l', 'web1,db2,localhost');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("\n  play #3 (db,web:!web2): db,web:!web2\tTAGS: []\n    pattern: ['db', 'web:!web2']\n    hosts (2):\n      db2\n      web1\n");
  });

  it('runs the playbook: without an inventory its play matches no hosts, as with ansible-playbook', () => {
    const run = tsible(join(fixtures, 'roles-deps'), 'site.yml', '-i', 'localhost,');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      '\nPLAY [Roles with dependencies] *************************************************\nskipping: no hosts matched\n\nPLAY RECAP *********************************************************************\n\n',
    );
  });
});
