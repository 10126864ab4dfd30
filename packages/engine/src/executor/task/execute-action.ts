import { taskLabel } from '../../playbook/listing/format-listing.js';
import { emitRunEvent } from '../../output/run-events.js';
import { UnreachableError } from '../../connection/unreachable.js';
import type { Connection, RunRequest } from '../../connection/types.js';
import { TsibleError } from '../../errors/tsible-error.js';
import type { ModuleResult } from '../../module-api/module.js';
import { resolveModule } from '../../module-api/module-name.js';
import { toBoolean } from '../../module-api/type-conversion.js';
import { Emitter } from '../../output/events.js';
import { inheritedKeyword, ancestorsOf } from '../../playbook/inheritance.js';
import { isMapping } from '../../playbook/errors.js';
import type { Task } from '../../playbook/model.js';
import { Templar } from '../../template/templar.js';
import { becomeFromVars } from '../become-from-vars.js';
import { runModuleTask } from '../module-task.js';
import { NoLogConnection } from '../no-log-connection.js';
import type { PlayContext } from '../run-context.js';
import { ENGINE_ACTION_TABLE } from '../actions/index.js';
import { moduleDefaultsFor, renderArgs } from './task-args.js';
import { searchDirsOf } from './search-dirs.js';

/** A keyword from the task up to the play, templated for this host. */
export function keywordValue(pc: PlayContext, task: Task, keyword: string, templar: Templar): unknown {
  const written = inheritedKeyword(task, keyword) ?? pc.play.keywords[keyword];
  return written === undefined ? undefined : templar.render(written, { location: task.location });
}

function flag(value: unknown): boolean | undefined {
  return value === undefined || value === null ? undefined : toBoolean(value);
}

/** Adds the task's `environment:` to every command the module runs. */
class EnvironmentConnection implements Connection {
  constructor(
    private readonly inner: Connection,
    private readonly env: Readonly<Record<string, string>>,
  ) {}
  get host(): string {
    return this.inner.host;
  }
  connect(): Promise<void> {
    return this.inner.connect();
  }
  run(request: RunRequest): ReturnType<Connection['run']> {
    return this.inner.run({ ...request, env: { ...this.env, ...request.env } });
  }
  put(...args: Parameters<Connection['put']>): ReturnType<Connection['put']> {
    return this.inner.put(...args);
  }
  get(remotePath: string): Promise<Buffer> {
    return this.inner.get(remotePath);
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

function environmentOf(pc: PlayContext, task: Task, templar: Templar): Record<string, string> {
  const levels = [pc.play.keywords['environment'], ...ancestorsOf(task).reverse().map((a) => a.keywords['environment']), task.keywords['environment']];
  const env: Record<string, string> = {};
  for (const level of levels) {
    const rendered = level === undefined ? undefined : templar.render(level, { location: task.location });
    const list = Array.isArray(rendered) ? rendered : [rendered];
    for (const entry of list) if (isMapping(entry)) for (const [k, v] of Object.entries(entry)) env[k] = v === null || v === undefined ? '' : String(v);
  }
  return env;
}

/** Connection variables for the host: keywords and -c/-u as defaults under the host's own ansible_* variables. */
function connectionVars(pc: PlayContext, task: Task, vars: Readonly<Record<string, unknown>>, templar: Templar): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...pc.run.options.connectionDefaults };
  const connection = keywordValue(pc, task, 'connection', templar);
  if (connection !== undefined) merged['ansible_connection'] = connection;
  const user = keywordValue(pc, task, 'remote_user', templar);
  if (user !== undefined) merged['ansible_user'] = user;
  const port = keywordValue(pc, task, 'port', templar);
  if (port !== undefined) merged['ansible_port'] = port;
  for (const [key, value] of Object.entries(vars)) {
    if (key.startsWith('ansible_') && value !== undefined) merged[key] = templar.render(value, { location: task.location });
  }
  return merged;
}

/**
 * delegate_to: the task runs over the delegated host's connection (its
 * inventory variables say how to reach it); results stay with the task's host.
 */
function delegatedTarget(pc: PlayContext, task: Task, host: string, vars: Readonly<Record<string, unknown>>, templar: Templar): { host: string; vars: Readonly<Record<string, unknown>>; templar: Templar } {
  if (task.delegateTo === undefined || task.delegateTo === null) return { host, vars, templar };
  const delegated = String(templar.render(task.delegateTo, { location: task.location }));
  if (delegated === host) return { host, vars, templar };
  const known = pc.run.inventory.host(delegated);
  const delegatedVars = { ...vars, ...Object.fromEntries(Object.keys(vars).filter((k) => k.startsWith('ansible_')).map((k) => [k, undefined])), ...(known ? pc.run.inventory.hostVars(delegated, { playbookDir: pc.play.basedir }) : {}) };
  const clean = Object.fromEntries(Object.entries(delegatedVars).filter(([, v]) => v !== undefined));
  return { host: delegated, vars: clean, templar: new Templar({ vars: clean, sink: pc.run.sink, environment: pc.run.templateEnvironment }) };
}

/** A delegated result is shown as `[host -> delegate]`, naming the delegate by its address as Ansible does. */
function withDelegate(result: ModuleResult, host: string, target: { host: string; vars: Readonly<Record<string, unknown>> }, delegateFacts: boolean): ModuleResult {
  if (target.host === host) return result;
  const address = target.vars['ansible_host'];
  // delegate_facts: the facts the task returns belong to the delegated host.
  const factsHost = delegateFacts ? { _ansible_facts_host: target.host } : {};
  return { ...result, _ansible_delegated_host: typeof address === 'string' ? address : target.host, ...factsHost };
}

/**
 * One attempt of the task's action on one host: an engine action, or a
 * module over the host's persistent connection.
 */
export async function executeAction(pc: PlayContext, task: Task, host: string, vars: Readonly<Record<string, unknown>>, templar: Templar): Promise<ModuleResult> {
  const { run } = pc;
  const checkMode = flag(keywordValue(pc, task, 'check_mode', templar)) ?? run.options.checkMode;
  const diffMode = flag(keywordValue(pc, task, 'diff', templar)) ?? run.options.diffMode;
  const target = delegatedTarget(pc, task, host, vars, templar);
  const delegateFacts = flag(keywordValue(pc, task, 'delegate_facts', templar)) === true;
  const action = ENGINE_ACTION_TABLE.get(task.resolvedAction);
  if (action) {
    const args = run.vaultValues.reveal(renderArgs(task, templar, action.rawArgs));
    const result = await action.run(args, {
      host,
      task,
      templar,
      vars,
      verbosity: run.options.verbosity,
      checkMode,
      inventory: run.inventory,
      searchDirs: searchDirsOf(pc, task),
      events: run.events,
      taskLabel: taskLabel(task),
      display: (text) => emitRunEvent(run.sink, { type: 'display', text }),
      terminal: run.terminal,
      signal: run.signal,
      vaultValues: run.vaultValues,
    });
    return withDelegate(result, host, target, delegateFacts);
  }
  const module = resolveModule(run.modules, task.resolvedAction);
  if (!module) {
    throw new TsibleError(`couldn't resolve module/action '${task.action}'. This often indicates a misspelling, missing collection, or incorrect module path.`, {
      code: 'TSIBLE_UNKNOWN_ACTION',
      location: task.location,
    });
  }
  const defaults = moduleDefaultsFor(task, [pc.play.keywords['module_defaults'], ...ancestorsOf(task).reverse().map((a) => a.keywords['module_defaults']), task.keywords['module_defaults']], templar);
  const args = run.vaultValues.reveal({ ...defaults, ...renderArgs(task, templar) });
  const hostVars = connectionVars(pc, task, target.vars, target.templar);
  const become = becomeFromVars(hostVars, {
    become: flag(keywordValue(pc, task, 'become', templar)) ?? run.options.become.become,
    user: (keywordValue(pc, task, 'become_user', templar) as string | undefined) ?? run.options.become.user,
    method: (keywordValue(pc, task, 'become_method', templar) as string | undefined) ?? run.options.become.method,
    password: run.options.become.password,
  });
  const timeout = Number(keywordValue(pc, task, 'timeout', templar) ?? run.options.taskTimeout);
  let connection: Connection;
  const reconnect = async (): Promise<Connection> => {
    await run.connections.reset(target.host);
    return run.connections.get(target.host, hostVars);
  };
  try {
    connection = module.managesConnection === true ? run.connections.for(target.host, hostVars) : await run.connections.get(target.host, hostVars);
  } catch (err) {
    if (err instanceof UnreachableError) return { unreachable: true, changed: false, msg: err.message };
    throw err;
  }
  if (toBoolean(keywordValue(pc, task, 'no_log', templar) ?? false)) connection = new NoLogConnection(connection);
  const env = environmentOf(pc, task, templar);
  const outcome = await runModuleTask(module, args, {
    connection: Object.keys(env).length > 0 ? new EnvironmentConnection(connection, env) : connection,
    checkMode,
    diffMode,
    become,
    hostVars: { ...vars, ...hostVars },
    timeoutMs: timeout > 0 ? timeout * 1000 : undefined,
    emit: new Emitter(run.sink),
    controller: {
      inventoryHostname: host,
      searchPaths: searchDirsOf(pc, task),
      workDir: pc.play.basedir,
      decryptIfVaulted: (data, file) => run.vaultValues.openBytes(data, file),
    },
    reconnect,
    asyncSeconds: Number(keywordValue(pc, task, 'async', templar) ?? 0),
    pollSeconds: Number(keywordValue(pc, task, 'poll', templar) ?? 15),
  });
  if (outcome.status === 'unreachable') await run.connections.reset(target.host);
  return withDelegate(outcome.result, host, target, delegateFacts);
}
