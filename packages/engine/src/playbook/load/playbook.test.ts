import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { TsibleError } from '../../errors/tsible-error.js';
import { RecordingSink } from '../../output/events.js';
import { compileHandlers, compilePlay, tasksOf } from '../compile.js';
import { inheritedConditions, inheritedKeyword, inheritedTags } from '../inheritance.js';
import type { Task } from '../model.js';
import { loadPlaybook } from './playbook.js';

const knownActions = new Set(['debug', 'command', 'file', 'set_fact', 'include_tasks', 'import_tasks', 'include_role', 'import_role']);
let dir: string;

function write(files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

function load(files: Record<string, string>, sink = new RecordingSink()) {
  write(files);
  return loadPlaybook(join(dir, 'site.yml'), { knownActions, rolesPath: [], sink });
}

function loadError(files: Record<string, string>): TsibleError {
  try {
    load(files);
  } catch (err) {
    if (err instanceof TsibleError) return err;
    throw err;
  }
  throw new Error('expected the playbook to be rejected');
}

function allTasks(files: Record<string, string>): Task[] {
  return [...tasksOf(compilePlay(load(files).plays[0]!))];
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tsible-pb-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('loadPlaybook', () => {
  it('builds plays, blocks and tasks with raw keywords and source locations', () => {
    const pb = load({
      'site.yml': '- name: P\n  hosts: web\n  become: true\n  vars: {a: 1}\n  tasks:\n    - name: T\n      command: echo {{ a }}\n      when: a == 1\n      register: out\n      loop: [1, 2]\n',
    });
    const play = pb.plays[0]!;
    expect(play).toMatchObject({ name: 'P', hosts: ['web'], keywords: { become: true }, vars: { a: 1 } });
    const task = play.tasks[0]!.block[0] as Task;
    expect(task).toMatchObject({
      kind: 'task', name: 'T', action: 'command', resolvedAction: 'command', args: { _raw_params: 'echo {{ a }}' },
      keywords: { when: 'a == 1', register: 'out' }, loop: { keyword: 'loop', items: [1, 2] },
    });
    expect(task.location).toEqual({ file: join(dir, 'site.yml'), line: 6, column: 7 });
  });

  it('resolves import_tasks statically: tags and when reach the imported tasks through the import', () => {
    const tasks = allTasks({
      'site.yml': '- hosts: all\n  tasks:\n    - import_tasks: sub/a.yml\n      tags: imp\n      when: x is defined\n',
      'sub/a.yml': '- name: A\n  debug: msg=a\n  tags: own\n- import_tasks: b.yml\n',
      'sub/b.yml': '- name: B\n  debug: msg=b\n  when: y is defined\n',
    });
    expect(tasks.map((t) => t.name)).toEqual(['A', 'B']);
    expect(inheritedTags(tasks[0]!)).toEqual(['own', 'imp']);
    expect(inheritedConditions(tasks[1]!)).toEqual(['x is defined', 'y is defined']);
    expect(tasks[1]!.location.file).toBe(join(dir, 'sub/b.yml'));
  });

  it('keeps include_tasks dynamic and checks a literal target exists', () => {
    const tasks = allTasks({ 'site.yml': '- hosts: all\n  tasks:\n    - include_tasks: more.yml\n    - include_tasks: "{{ f }}.yml"\n', 'more.yml': '- debug: msg=x\n' });
    expect(tasks[0]!.include).toEqual({ kind: 'include_tasks', target: 'more.yml', resolvedPath: join(dir, 'more.yml'), options: {} });
    expect(tasks[1]!.include).toMatchObject({ target: '{{ f }}.yml', resolvedPath: undefined });
    const err = loadError({ 'site.yml': '- hosts: all\n  tasks:\n    - include_tasks: missing.yml\n' });
    expect(err.message).toBe("Could not find or access 'missing.yml'");
    expect(err.location).toMatchObject({ line: 3, column: 7 });
  });

  it('loads roles with dependencies first, role params, defaults and handlers', () => {
    const pb = load({
      'site.yml': '- hosts: all\n  roles:\n    - role: app\n      app_port: 80\n      become: true\n',
      'roles/app/meta/main.yml': 'dependencies:\n  - { role: base, tags: b }\n',
      'roles/app/tasks/main.yml': '- name: app task\n  debug: msg=app\n',
      'roles/app/defaults/main.yml': 'port: 8080\n',
      'roles/app/handlers/main.yml': '- name: restart\n  debug: msg=r\n',
      'roles/base/tasks/main.yml': '- name: base task\n  debug: msg=base\n',
    });
    const role = pb.plays[0]!.roles[0]!;
    expect(role).toMatchObject({ name: 'app', params: { app_port: 80 }, keywords: { become: true }, defaults: { port: 8080 } });
    expect(role.handlers[0]!.block[0]).toMatchObject({ kind: 'handler', name: 'restart' });
    const tasks = [...tasksOf(compilePlay(pb.plays[0]!))];
    expect(tasks.map((t) => `${t.role?.name}:${t.name}`)).toEqual(['base:base task', 'app:app task']);
    expect(inheritedTags(tasks[0]!)).toEqual(['b']);
    expect(inheritedKeyword(tasks[0]!, 'become')).toBe(true);
  });

  it('import_role brings the role tasks in with the statement keywords; include_role stays a task', () => {
    const tasks = allTasks({
      'site.yml': '- hosts: all\n  tasks:\n    - import_role: {name: r, tasks_from: other}\n      tags: t\n    - include_role: {name: r}\n',
      'roles/r/tasks/main.yml': '- debug: msg=main\n',
      'roles/r/tasks/other.yml': '- name: other\n  debug: msg=other\n',
    });
    expect(tasks.map((t) => t.name ?? t.action)).toEqual(['other', 'include_role']);
    expect(inheritedTags(tasks[0]!)).toEqual(['t']);
    expect(tasks[1]!.include).toMatchObject({ kind: 'include_role', target: 'r', resolvedPath: join(dir, 'roles/r') });
  });

  it('checks the files include_role names with tasks_from and the like', () => {
    const err = loadError({
      'site.yml': '- hosts: all\n  tasks:\n    - include_role:\n        name: r\n        tasks_from: typo\n',
      'roles/r/tasks/main.yml': '- debug: msg=main\n',
    });
    expect(err.message).toBe('Could not find specified file in role: tasks/typo');
    expect(err.location).toMatchObject({ line: 3, column: 7 });
    expect(err.exitCode).toBe(1);
  });

  it('brings in plays from import_playbook with the import tags', () => {
    const pb = load({ 'site.yml': '- import_playbook: sub/p.yml\n  tags: [i]\n', 'sub/p.yml': '- hosts: db\n  tasks: [{debug: msg=x}]\n' });
    expect(pb.plays[0]).toMatchObject({ hosts: ['db'], tags: ['i'], basedir: join(dir, 'sub') });
  });

  it('reports a missing role with every place it looked', () => {
    const err = loadError({ 'site.yml': '- hosts: all\n  roles:\n    - ghost\n' });
    expect(err.message).toBe(`the role 'ghost' was not found in ${join(dir, 'roles')}:${dir}`);
    expect(err.location).toMatchObject({ line: 3, column: 7 });
    expect(err.exitCode).toBe(1);
  });

  it('stops import cycles', () => {
    const err = loadError({ 'site.yml': '- hosts: all\n  tasks:\n    - import_tasks: a.yml\n', 'a.yml': '- import_tasks: b.yml\n', 'b.yml': '- import_tasks: a.yml\n' });
    expect(err.message).toMatch(/^a\.yml imports itself/);
  });

  it('suggests the keyword for a misspelt play key', () => {
    const err = loadError({ 'site.yml': '- hosts: all\n  gather_fact: no\n' });
    expect(err.message).toBe("'gather_fact' is not a valid attribute for a Play");
    expect(err.hint).toBe("did you mean 'gather_facts'?");
    expect(err.location).toMatchObject({ line: 2, column: 3 });
  });

  it('warns when a role parameter looks like a misspelt keyword', () => {
    const sink = new RecordingSink();
    load({ 'site.yml': '- hosts: all\n  roles:\n    - role: r\n      tag: x\n', 'roles/r/tasks/main.yml': '- debug: msg=x\n' }, sink);
    expect(sink.messages('warning')[0]).toMatch(/'tag' is passed to role 'r' as a parameter; did you mean the keyword 'tags'\?/);
  });

  it('keeps handler listen topics and rejects listen on tasks', () => {
    const pb = load({ 'site.yml': '- hosts: all\n  handlers:\n    - name: h\n      debug: msg=x\n      listen: [a, b]\n' });
    expect(pb.plays[0]!.handlers[0]!.block[0]).toMatchObject({ kind: 'handler', listen: ['a', 'b'] });
    expect(loadError({ 'site.yml': '- hosts: all\n  tasks:\n    - debug: msg=x\n      listen: a\n' }).message).toBe("'listen' is not a valid attribute for a Task");
  });

  it('collects handlers of roles, dependencies and imported roles before the play ones', () => {
    const pb = load({
      'site.yml': '- hosts: all\n  roles: [a]\n  tasks:\n    - import_role: {name: b}\n  handlers:\n    - name: play h\n      debug: msg=p\n',
      'roles/a/meta/main.yml': 'dependencies: [c]\n',
      'roles/a/handlers/main.yml': '- name: a h\n  debug: msg=a\n',
      'roles/b/tasks/main.yml': '- debug: msg=b\n',
      'roles/b/handlers/main.yml': '- name: b h\n  debug: msg=b\n',
      'roles/c/handlers/main.yml': '- name: c h\n  debug: msg=c\n',
    });
    expect([...tasksOf(compileHandlers(pb.plays[0]!))].map((h) => h.name)).toEqual(['c h', 'a h', 'b h', 'play h']);
  });
});
