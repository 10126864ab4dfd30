import type { Module, ModuleContext, ModuleResult } from '../module-api/module.js';
import { validateArgs } from '../module-api/validate-args.js';
import { maskSecrets } from '../module-api/mask-secrets.js';
import { splitLines } from '../module-api/text-lines.js';
import { UnreachableError } from '../connection/unreachable.js';
import { TimeoutWatch } from './timeout-watch.js';

export type TaskStatus = 'ok' | 'changed' | 'failed' | 'skipped' | 'unreachable';

export interface TaskOutcome {
  status: TaskStatus;
  result: ModuleResult;
}

export function statusOf(result: ModuleResult): TaskStatus {
  if (result['unreachable'] === true) return 'unreachable';
  if (result.failed === true) return 'failed';
  if (result.skipped === true) return 'skipped';
  return result.changed === true ? 'changed' : 'ok';
}

function defaultsOf(module: Module): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const [name, option] of Object.entries(module.spec.options)) defaults[name] = option.default ?? null;
  return defaults;
}

/** What Ansible's action layer adds to every module result. */
function finishResult(result: ModuleResult, warnings: readonly string[]): ModuleResult {
  const finished: ModuleResult = { ...result };
  if (typeof finished.stdout === 'string' && finished.stdout_lines === undefined) finished.stdout_lines = splitLines(finished.stdout);
  if (typeof finished.stderr === 'string' && finished.stderr_lines === undefined) finished.stderr_lines = splitLines(finished.stderr);
  const allWarnings = [...warnings, ...(finished.warnings ?? [])];
  if (allWarnings.length > 0) finished.warnings = allWarnings;
  return finished;
}

/**
 * Runs one module on one host: validates its arguments, honours check mode,
 * turns a lost connection into an unreachable result, hides no_log values.
 */
export async function runModuleTask(module: Module, givenArgs: Readonly<Record<string, unknown>>, ctx: ModuleContext): Promise<TaskOutcome> {
  const rawArgs = { ...givenArgs, ...module.presetArgs };
  const validation = validateArgs(module.specOwner ?? module.name, module.spec, rawArgs);
  const secrets = validation.noLogValues;
  // Ansible reports the arguments a module ran with (defaults filled in) as `invocation`.
  const invocation = (moduleArgs: Record<string, unknown>): ModuleResult => (module.bareAction === true ? {} : { invocation: { module_args: moduleArgs } });
  if (!validation.ok) {
    const result = finishResult({ failed: true, changed: false, msg: validation.msg, ...invocation({ ...defaultsOf(module), ...rawArgs }) }, validation.warnings);
    return { status: 'failed', result: maskSecrets(result, secrets) };
  }
  if (ctx.checkMode && !module.supportsCheckMode) {
    return { status: 'skipped', result: { changed: false, skipped: true, msg: `remote module (${module.name}) does not support check mode` } };
  }
  let result: ModuleResult;
  const watch = new TimeoutWatch(ctx.connection);
  try {
    const ran = await module.run({ ...ctx, connection: watch }, validation.params);
    // A module that crashed (module_stderr) never got to report its arguments.
    result = finishResult('module_stderr' in ran ? ran : { ...ran, ...invocation(validation.params) }, validation.warnings);
  } catch (err) {
    if (!(err instanceof UnreachableError)) throw err;
    result = { changed: false, msg: err.message, unreachable: true };
  }
  if (watch.timedOut) {
    const seconds = Math.round((ctx.timeoutMs ?? 0) / 1000);
    result = { failed: true, changed: false, msg: `The ${module.name} action failed to execute in the expected time frame (${seconds}) and was terminated` };
  }
  // A diff is shown only on request (--diff) and, as in Ansible, is not masked: it is the change itself.
  const { diff, ...rest } = result;
  const masked: ModuleResult = diff === undefined ? maskSecrets(result, secrets) : { ...maskSecrets(rest, secrets), diff };
  return { status: statusOf(masked), result: masked };
}
