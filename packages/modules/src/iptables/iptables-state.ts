import type { Module, ModuleContext, ModuleResult } from '@tsible/engine';
import { shellQuote } from '@tsible/engine/connection/quote';
import { failed, firstRecord, runFileScript, type ScriptOutcome } from '../support/remote/run-script.js';
import { writeContentCall } from '../support/remote/file-records.js';
import { formattedState, sameLines, sameTables, stateLines, tableRules, type TableRules } from './iptables-state-format.js';
import { iptablesStateScript, mainWords, optionWords, type Phase } from './iptables-state-script.js';
import { iptablesStateSpec, type IptablesStateParams } from './iptables-state-spec.js';

const decode = (b64: string | undefined): string => Buffer.from(b64 ?? '', 'base64').toString('utf8');
const text = (outcome: ScriptOutcome, kind: string): string | null => {
  const record = firstRecord(outcome, kind);
  return record === undefined ? null : decode(record[0]);
};
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function tablesOf(outcome: ScriptOutcome, kind: string): TableRules {
  const tables: TableRules = {};
  for (const [table = '', data] of outcome.records.get(kind) ?? []) tables[table] = tableRules(decode(data), table);
  return tables;
}

/** Ansible's action-plugin messages about async and poll; the numbers are the task's. */
function asyncAdvice(kind: 'error' | 'no-async' | 'too-long', poll: number, seconds: number, timeout: number): string {
  const settings = `'poll' (=${poll}) to 0, and 'async' (=${seconds}) to a value >2 and not greater than 'ansible_timeout' (=${timeout}) (recommended).`;
  if (kind === 'error') {
    return `This module doesn't support async>0 and poll>0 when its 'state' param is set to 'restored'. To enable its rollback feature (that needs the module to run asynchronously on the remote), please set task attribute ${settings}`;
  }
  if (kind === 'no-async') {
    return `Attempts to restore iptables state without rollback in case of mistake may lead the ansible controller to loose access to the hosts and never regain it before fixing firewall rules through a serial console, or any other way except SSH. Please set task attribute ${settings}`;
  }
  return `You attempt to restore iptables state with rollback in case of mistake, but with settings that will lead this rollback to happen AFTER that the controller will reach its own timeout. Please set task attribute ${settings}`;
}

/** A command Ansible runs with check_rc failed: its stderr is the message. */
function commandFailed(outcome: ScriptOutcome, kind: string, extra: ModuleResult = {}): ModuleResult | undefined {
  const record = firstRecord(outcome, kind);
  if (record === undefined) return undefined;
  const [cmd = '', rc = '1', out, err] = record;
  const stderr = decode(err);
  return failed(stderr.trimEnd(), { cmd, rc: Number(rc), stdout: decode(out), stderr, ...extra });
}

interface Before {
  restore: string;
  save: string;
  initial: string[];
  ref: string[];
  tables: TableRules;
  toRestore: string[];
}

function beforeOf(outcome: ScriptOutcome, p: IptablesStateParams): Before {
  const [, save = 'iptables-save', restore = 'iptables-restore'] = firstRecord(outcome, '@bins') ?? [];
  return {
    restore,
    save,
    initial: formattedState(text(outcome, '@initial') ?? '', p.counters),
    ref: formattedState(text(outcome, '@ref') ?? '', p.counters),
    tables: tablesOf(outcome, '@table'),
    toRestore: stateLines(text(outcome, '@torestore') ?? ''),
  };
}

async function saved(ctx: ModuleContext, p: IptablesStateParams, outcome: ScriptOutcome, b: Before): Promise<ModuleResult> {
  const content = `${b.ref.join('\n')}\n`;
  const changed = text(outcome, '@cur') !== content;
  if (changed && !ctx.checkMode) {
    const path = shellQuote(p.path);
    const run = await runFileScript(ctx, ['umask 077', `mkdir -p -- "$(dirname -- ${path})" || ts_fail ${shellQuote(`Error creating the directory of ${p.path}`)}`, writeContentCall(path, content)].join('\n'));
    if (run.failure !== undefined) return failed(`Error saving state into ${p.path}: ${run.failure}`, { initial_state: b.ref });
  }
  const cmd = [b.save, ...optionWords(p).args].join(' ');
  return { changed, cmd, tables: b.tables, initial_state: b.initial, saved: b.ref };
}

/** The result once the rules were restored (here or by the watchdog); `outcome` holds the after-state records. */
function restoredResult(p: IptablesStateParams, b: Before, outcome: ScriptOutcome, seconds = 0): ModuleResult {
  const cmd = [b.restore, ...mainWords(p)].join(' ');
  const common = { cmd, tables: b.tables, initial_state: b.initial };
  const lock = firstRecord(outcome, '@lockfail');
  if (lock !== undefined) {
    const stderr = decode(lock[2]);
    return failed(stderr, { ...common, rc: Number(lock[0]), stdout: decode(lock[1]), stderr, restored: b.toRestore, applied: false });
  }
  const broken = commandFailed(outcome, '@cmdfail');
  if (broken !== undefined) return broken;
  const restored = formattedState(text(outcome, '@after') ?? '', p.counters);
  const changed = !sameLines(restored, b.ref) && !sameLines(restored, b.initial) && !sameTables(tablesOf(outcome, '@tafter'), b.tables);
  if (outcome.records.has('@rolledback')) {
    return failed(`Failed to confirm state restored from ${p.path} after ${seconds}s. Firewall has been rolled back to its initial state.`, {
      ...common,
      changed: !sameTables(b.tables, tablesOf(outcome, '@trollback')),
      restored,
      applied: false,
    });
  }
  return { changed, ...common, restored, applied: true };
}

/**
 * Ansible's three steps after the watchdog started: the go, a fresh
 * connection that proves the new rules let the controller in (which confirms
 * them by removing the backup), then the watchdog's report.
 */
async function confirmAndCollect(ctx: ModuleContext, dir: string, seconds: number, timeout: number): Promise<ScriptOutcome | string> {
  const d = shellQuote(dir);
  const go = await runFileScript(ctx, `touch -- ${d}/starter`);
  if (go.failure !== undefined) return go.failure;
  const fresh = async (): Promise<ModuleContext> => (ctx.reconnect === undefined ? ctx : { ...ctx, connection: await ctx.reconnect() });
  let live: ModuleContext | undefined;
  let remaining = Math.max(seconds, timeout);
  for (let i = 0; i < timeout && live === undefined; i++) {
    await sleep(1000);
    remaining -= 1;
    try {
      const next = await fresh();
      if ((await runFileScript(next, `rm -f -- ${d}/iptables.state`)).failure === undefined) live = next;
    } catch {
      // Refused or timed out: the new rules may be keeping the controller out; the watchdog decides.
    }
  }
  const deadline = Date.now() + (Math.max(1, remaining) + timeout) * 1000;
  for (;;) {
    try {
      live ??= await fresh();
      const report = await runFileScript(live, `cat -- ${d}/result 2>/dev/null`);
      if (report.records.has('@done')) {
        await runFileScript(live, `rm -rf -- ${d}`);
        return report;
      }
    } catch {
      live = undefined;
    }
    if (Date.now() > deadline) return `the target did not report the restored firewall state within ${Math.max(seconds, timeout) + timeout}s`;
    await sleep(1000);
  }
}

async function runIptablesState(ctx: ModuleContext, p: IptablesStateParams): Promise<ModuleResult> {
  const seconds = ctx.asyncSeconds ?? 0;
  const poll = ctx.pollSeconds ?? 15;
  const timeout = Number(ctx.hostVars?.['ansible_timeout'] ?? 10) || 10;
  const warnings: string[] = [];
  let phase: Phase = { kind: 'saved' };
  if (p.state === 'restored') {
    if (seconds === 0) {
      if (!ctx.checkMode) warnings.push(asyncAdvice('no-async', poll, seconds, timeout));
    } else if (poll > 0) return failed(asyncAdvice('error', poll, seconds, timeout));
    else if (seconds > timeout && !ctx.checkMode) warnings.push(asyncAdvice('too-long', poll, seconds, timeout));
    phase = ctx.checkMode ? { kind: 'check' } : seconds > 0 ? { kind: 'watch', timeout: seconds } : { kind: 'apply' };
  }
  const outcome = await runFileScript(ctx, iptablesStateScript(p, phase));
  const result = await finish(ctx, p, phase, outcome, timeout);
  return warnings.length > 0 ? { ...result, warnings: [...warnings, ...(result.warnings ?? [])] } : result;
}

async function finish(ctx: ModuleContext, p: IptablesStateParams, phase: Phase, outcome: ScriptOutcome, timeout: number): Promise<ModuleResult> {
  const broken = commandFailed(outcome, '@cmdfail');
  if (broken !== undefined) return broken;
  const b = beforeOf(outcome, p);
  const test = firstRecord(outcome, '@testfail');
  if (test !== undefined) {
    const [cmd = '', rc = '1', out, err] = test;
    const stderr = decode(err);
    const msg = stderr.includes('Another app is currently holding the xtables lock') ? stderr : `Source ${p.path} is not suitable for input to ${b.restore.split('/').pop() ?? ''}`;
    return failed(msg, { cmd, rc: Number(rc), stdout: decode(out), stderr, tables: b.tables, initial_state: b.initial, restored: b.toRestore, applied: false });
  }
  if (outcome.failure !== undefined) return failed(outcome.failure);
  if (phase.kind === 'saved') return saved(ctx, p, outcome, b);
  if (phase.kind === 'check') {
    const same = decodeRestoreFile(outcome) === `${b.initial.join('\n')}\n`;
    const restored = same ? b.initial : b.toRestore;
    const changed = !sameLines(restored, b.ref) && !sameLines(restored, b.initial);
    return { changed, cmd: [b.restore, ...mainWords(p)].join(' '), tables: b.tables, initial_state: b.initial, restored, applied: true };
  }
  if (phase.kind === 'apply') return restoredResult(p, b, outcome);
  const dir = firstRecord(outcome, '@watchdog')?.[0];
  if (dir === undefined) return failed('the rollback watchdog did not start on the target');
  const report = await confirmAndCollect(ctx, dir, phase.timeout, timeout);
  if (typeof report === 'string') return failed(report);
  if (report.records.has('@nostart')) return failed('the firewall state was not restored: the go from the controller never reached the target');
  return restoredResult(p, b, report, phase.timeout);
}

const decodeRestoreFile = (outcome: ScriptOutcome): string => text(outcome, '@torestore') ?? '';

export const iptablesStateModule: Module<typeof iptablesStateSpec> = {
  name: 'iptables_state',
  spec: iptablesStateSpec,
  supportsCheckMode: true,
  run: runIptablesState,
};
