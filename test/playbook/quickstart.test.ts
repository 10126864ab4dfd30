import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPlaybook } from '../../packages/engine/src/playbook/load/playbook.js';
import { compilePlay, tasksOf } from '../../packages/engine/src/playbook/compile.js';
import { runPlaybookCommand } from './run-playbook-command.js';

/** playbooks/local-quickstart.yml loads, uses only actions tsible provides, and lists with inventories/local as ansible-playbook does. */
const root = fileURLToPath(new URL('../../', import.meta.url));
const recorded = (name: string) => readFileSync(join(root, 'test/fixtures/playbook-quickstart', `${name}.stdout`), 'utf8');
const QUICKSTART_ACTIONS = new Set(['file', 'copy', 'debug', 'command']);

describe('playbooks/local-quickstart.yml', () => {
  it('uses only file, copy, debug and command, all writing under quickstart_dir', () => {
    const playbook = loadPlaybook('playbooks/local-quickstart.yml', { knownActions: QUICKSTART_ACTIONS, rolesPath: [], cwd: root });
    const play = playbook.plays[0]!;
    expect(play.keywords['connection']).toBe('local');
    expect(play.vars['quickstart_dir']).toBe("{{ workdir | default('/tmp/tsible-quickstart') }}");
    const tasks = [...tasksOf(compilePlay(play))];
    expect(new Set(tasks.map((t) => t.resolvedAction))).toEqual(QUICKSTART_ACTIONS);
    for (const task of tasks) {
      const target = task.args['path'] ?? task.args['dest'] ?? task.args['chdir'];
      if (target !== undefined) expect(String(target)).toMatch(/^\{\{ quickstart_dir \}\}/);
    }
  });

  it.each([
    ['list-tasks', ['--list-tasks']],
    ['list-tags', ['--list-tags']],
    ['list-tasks-files', ['--list-tasks', '--tags', 'files']],
    ['list-hosts', ['--list-hosts']],
  ])('--%s matches ansible-playbook', async (name, flags) => {
    const run = await runPlaybookCommand(root, ['-i', 'inventories/local', 'playbooks/local-quickstart.yml', ...flags]);
    if (run.error) throw run.error;
    expect(run.stdout).toBe(recorded(name));
  });
});
