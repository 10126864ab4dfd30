import { selectTargets } from '../inventory/targets.js';
import { TsibleError } from '../errors/tsible-error.js';
import { toBoolean } from '../module-api/type-conversion.js';
import { emitRunEvent } from '../output/run-events.js';
import { inheritedTags } from '../playbook/inheritance.js';
import type { Block, Play, RoleInstance, Task } from '../playbook/model.js';
import { isSelected } from '../playbook/tag-selection.js';
import { pythonStr } from '../template/python/repr.js';
import { Templar } from '../template/templar.js';
import { lazyHostvars } from '../vars/hostvars.js';
import { layeredVars, type PlayVarsInput } from '../vars/layered-vars.js';
import { playMagicVars } from '../vars/magic-vars.js';
import { batchOutcome } from './batch-outcome.js';
import { orderHosts, playBatches } from './batches.js';
import { gatherFactsTask } from './gather-facts.js';
import { promptVars, varsFilesVars } from './play-vars.js';
import { LinearStrategy, type StrategyName } from './linear-strategy.js';
import { activeHosts, type PlayContext, type RunContext } from './run-context.js';

/** Roles of the play in run order; a role already run with the same parameters runs once (unless allow_duplicates). */
function roleBlocks(play: Play): Block[] {
  const seen = new Set<string>();
  const blocks: Block[] = [];
  const visit = (role: RoleInstance): void => {
    for (const dep of role.dependencies) visit(dep);
    const key = JSON.stringify([role.path, role.params]);
    if (seen.has(key) && !role.allowDuplicates) return;
    seen.add(key);
    blocks.push(...role.tasks);
  };
  for (const role of play.roles.filter((r) => !r.fromInclude)) visit(role);
  return blocks;
}

function allRoles(play: Play): RoleInstance[] {
  const out: RoleInstance[] = [];
  const visit = (role: RoleInstance): void => {
    role.dependencies.forEach(visit);
    out.push(role);
  };
  play.roles.forEach(visit);
  return out;
}

/** A play keyword templated with play vars and extra vars (serial: "{{ batch }}"). */
function playKeyword(play: Play, run: RunContext, name: string): unknown {
  const written = play.keywords[name];
  if (written === undefined || written === null) return written;
  return new Templar({ vars: { ...play.vars, ...run.extraVars }, sink: run.sink, environment: run.templateEnvironment }).render(written, { location: play.location });
}

/** Host patterns of the play, templated with play vars and extra vars. */
function playPatterns(play: Play, run: RunContext): string[] {
  const templar = new Templar({ vars: { ...play.vars, ...run.extraVars }, sink: run.sink, environment: run.templateEnvironment });
  return play.hosts.flatMap((pattern) => {
    const rendered = templar.render(pattern, { location: play.hostsLocation });
    return Array.isArray(rendered) ? rendered.map((p) => pythonStr(p)) : [pythonStr(rendered)];
  });
}

/** A task is selected by --tags/--skip-tags (with the play's tags) and by --start-at-task. */
function taskSelector(play: Play, run: RunContext): (task: Task) => boolean {
  return (task) => {
    if (!isSelected([...inheritedTags(task), ...play.tags], run.options.tags)) return false;
    if (run.startAt.pending) {
      const name = task.name ?? '';
      const label = task.role ? `${task.role.name} : ${name}` : name;
      if (name !== run.startAt.pending && label !== run.startAt.pending) return false;
      run.startAt.pending = undefined;
    }
    return true;
  };
}

/**
 * Runs one play: its hosts (minus those that failed earlier in the run),
 * facts, then pre_tasks, roles and tasks, post_tasks, with handlers flushed
 * after each of those sections. Returns false when no host is left for the
 * rest of the playbook.
 */
export async function runPlay(run: RunContext, play: Play): Promise<boolean> {
  const patterns = playPatterns(play, run);
  const name = play.name !== undefined ? pythonStr(new Templar({ vars: { ...play.vars, ...run.extraVars }, sink: run.sink, environment: run.templateEnvironment }).render(play.name)) : patterns.join(',');
  const hosts = orderHosts(playHosts(run, patterns), playKeyword(play, run, 'order')).filter((h) => !run.deadHosts.has(h));
  const batches = playBatches(hosts, playKeyword(play, run, 'serial'));
  if (batches.length === 0) {
    emitRunEvent(run.sink, { type: 'play.start', name, hostPatterns: patterns });
    emitRunEvent(run.sink, { type: 'play.no_hosts' });
    return true;
  }
  const prompt = await promptVars(play, run.extraVars, run.terminal, run.sink, run.templateEnvironment);
  const pc: PlayContext = {
    run,
    play,
    varsInput: undefined as unknown as PlayVarsInput,
    failed: new Set(),
    unreachable: new Set(),
    ended: new Set(),
    forgiven: new Set(),
    endPlay: false,
    endBatchOnly: false,
    fatal: false,
    maxFailPercentage: playKeyword(play, run, 'max_fail_percentage'),
    maxFailExceeded: undefined,
    failedWhileUnreachable: new Set(),
    notified: new Map(),
    hosts: batches[0]!,
    dynamicHandlers: [],
  };
  const roles = allRoles(play);
  const removed = (h: string): boolean => pc.failed.has(h) || pc.unreachable.has(h);
  const magic = (): Record<string, unknown> =>
    playMagicVars(run.runFacts, { name, hosts, activeHosts: hosts.filter((h) => !removed(h)), batch: activeHosts(pc), roleNames: [...new Set(roles.map((r) => r.name))] });
  const varsFiles = await varsFilesVars(play, run.vaultValues.reveal({ ...play.vars, ...prompt, ...run.extraVars, ...magic() }), run.sink, run.templateEnvironment, (file) => run.vaultValues.readFile(file));
  await run.vaultValues.decryptAll(varsFiles);
  const input: PlayVarsInput = {
    play,
    roles,
    inventory: run.inventory,
    store: run.store,
    promptVars: prompt,
    varsFilesVars: varsFiles,
    extraVars: run.extraVars,
    magic,
    reveal: (value) => run.vaultValues.reveal(value),
    hostvars: () =>
      lazyHostvars(
        () => run.inventory.allHosts().map((h) => h.name),
        (host) => layeredVars({ ...input, hostvars: () => ({}) }, host),
        (_host, vars, value) => new Templar({ vars, sink: run.sink, environment: run.templateEnvironment }).render(value),
      ),
  };
  pc.varsInput = input;
  const selector = taskSelector(play, run);
  const mode = strategyName(play, playKeyword(play, run, 'strategy'));
  let breakRun = false;
  for (const [index, batch] of batches.entries()) {
    emitRunEvent(run.sink, { type: 'play.start', name, hostPatterns: patterns });
    pc.hosts = batch;
    pc.endPlay = false;
    pc.endBatchOnly = false;
    pc.fatal = false;
    pc.maxFailExceeded = undefined;
    const strategy = new LinearStrategy(pc, selector, mode);
    if (gathersFacts(play, run)) await strategy.runBlocks([gatherFactsTask(play).parent]);
    const sections: Block[][] = [play.preTasks, [...roleBlocks(play), ...play.tasks], play.postTasks];
    for (const section of sections) {
      if (pc.endPlay) break;
      await strategy.runBlocks(section);
      if (!pc.endPlay) await strategy.flushHandlers();
    }
    const outcome = batchOutcome(pc, batch);
    run.lastBatchBroke = outcome.broke;
    if (outcome.broke) breakRun = true;
    if (outcome.allFailed) {
      breakRun = true;
      const untouched = batches.slice(index + 1).flat();
      if (untouched.length > 0) emitRunEvent(run.sink, { type: 'play.batch_aborted', batch: index + 1, batches: batches.length, failed: outcome.failed, size: batch.length, reason: outcome.reason, untouched });
      break;
    }
    // meta: end_play ends every batch; a batch stopped by any_errors_fatal or max_fail_percentage does not.
    if (pc.endPlay && !pc.endBatchOnly && !outcome.broke) break;
  }
  for (const host of pc.failed) run.failedHosts.add(host);
  for (const host of pc.unreachable) run.unreachableHosts.add(host);
  for (const host of [...pc.failed, ...pc.unreachable]) run.deadHosts.add(host);
  emitRunEvent(run.sink, { type: 'play.end' });
  return !breakRun;
}

/** The play's hosts; a pattern that matches nothing makes a play with no hosts, not an error (unlike ad-hoc runs). */
function playHosts(run: RunContext, patterns: readonly string[]): string[] {
  try {
    return selectTargets(run.inventory, patterns, { limit: run.limit, sink: run.sink }).map((h) => h.name);
  } catch (err) {
    if (err instanceof TsibleError && err.code === 'TSIBLE_NO_HOSTS') return [];
    throw err;
  }
}

function gathersFacts(play: Play, run: RunContext): boolean {
  const written = play.keywords['gather_facts'];
  if (written === undefined || written === null) return run.options.gathering !== 'explicit';
  return toBoolean(new Templar({ vars: { ...play.vars, ...run.extraVars }, sink: run.sink, environment: run.templateEnvironment }).render(written));
}

/** The play's strategy (templated, as Ansible does); the ansible.builtin names are the same plugins. */
function strategyName(play: Play, templated: unknown): StrategyName {
  const written = templated ?? 'linear';
  const name = typeof written === 'string' ? written.replace(/^ansible\.builtin\./, '') : written;
  if (name === 'linear' || name === 'free' || name === 'host_pinned') return name;
  throw new TsibleError(`Invalid play strategy specified: ${String(written)}`, { code: 'TSIBLE_PLAY_STRATEGY', location: play.location, hint: 'tsible has the linear, free and host_pinned strategies' });
}
